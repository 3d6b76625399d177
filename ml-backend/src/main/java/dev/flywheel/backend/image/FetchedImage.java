package dev.flywheel.backend.image;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An image as fetched and decoded: the encoded bytes, their sniffed media type and the pixels.
 *
 * <p>{@code width} and {@code height} are those of {@code image}, i.e. after the JPEG EXIF orientation was
 * applied — the size Label Studio's browser shows and the one region percentages refer to.
 *
 * @param bytes the encoded image exactly as fetched
 * @param mediaType sniffed from the bytes by ImageIO (e.g. {@code image/png}), never from a Content-Type header
 * @param image decoded pixels, EXIF orientation applied
 * @param width displayed width in pixels
 * @param height displayed height in pixels
 */
public record FetchedImage(byte[] bytes, String mediaType, BufferedImage image, int width, int height) {

    public FetchedImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(image, "image");
        bytes = bytes.clone();
        if (width != image.getWidth() || height != image.getHeight()) {
            throw new IllegalArgumentException("width and height must match the decoded image");
        }
    }

    /** A copy of the encoded bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The number of encoded bytes, without copying them. */
    int byteCount() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "FetchedImage[" + mediaType + ", " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
