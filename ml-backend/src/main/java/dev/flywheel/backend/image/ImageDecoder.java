package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.ImageFetchException.Kind.NOT_AN_IMAGE;
import static dev.flywheel.backend.image.ImageFetchException.Kind.TOO_LARGE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes with ImageIO after checking the pixel count from the header, so a small file that
 * claims 50000 × 50000 pixels is refused before a raster is allocated.
 */
final class ImageDecoder {

    private final long maxPixels;

    ImageDecoder(FetchLimits limits) {
        this.maxPixels = limits.maxPixels();
    }

    FetchedImage decode(byte[] bytes, String what) {
        // MemoryCacheImageInputStream rather than ImageIO.createImageInputStream: no temp files, no global ImageIO.setUseCache.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new ImageFetchException(NOT_AN_IMAGE, what + " is not an image format Flywheel can read (" + bytes.length + " bytes)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new ImageFetchException(NOT_AN_IMAGE, what + " declares an empty image");
                }
                if ((long) width * height > maxPixels) {
                    throw new ImageFetchException(TOO_LARGE, what + " declares " + width + "x" + height
                            + " pixels, more than the limit of " + maxPixels);
                }
                TruncationListener truncation = new TruncationListener();
                reader.addIIOReadWarningListener(truncation);
                BufferedImage image = reader.read(0);
                if (truncation.truncated) {
                    throw new ImageFetchException(NOT_AN_IMAGE, what + " is truncated");
                }
                String mediaType = mediaType(reader);
                if (mediaType.equals("image/jpeg")) {
                    image = ExifOrientation.apply(image, ExifOrientation.read(bytes));
                }
                return new FetchedImage(bytes, mediaType, image, image.getWidth(), image.getHeight());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageFetchException fetch) {
                throw fetch;
            }
            throw new ImageFetchException(NOT_AN_IMAGE, what + " could not be decoded: its bytes are damaged or not an image", e);
        }
    }

    private static String mediaType(ImageReader reader) {
        String[] types = reader.getOriginatingProvider() == null ? null : reader.getOriginatingProvider().getMIMETypes();
        if (types != null && types.length > 0) {
            return types[0];
        }
        try {
            return "image/" + reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    /** Notes the JPEG reader's "Premature end" warning, which it otherwise answers with grey pixels. */
    private static final class TruncationListener implements javax.imageio.event.IIOReadWarningListener {
        private boolean truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                truncated = true;
            }
        }
    }
}
