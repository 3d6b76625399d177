package dev.flywheel.backend.image;

import java.awt.image.BufferedImage;

/**
 * Reads the EXIF orientation of a JPEG and applies it, because browsers (and so Label Studio's annotators)
 * show photos rotated the way the camera recorded, and region percentages refer to that view.
 */
final class ExifOrientation {

    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {}

    /** The orientation 1..8 from the first EXIF APP1 segment, or 1 when absent or unreadable. */
    static int read(byte[] jpeg) {
        try {
            if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != 0xD8) {
                return 1;
            }
            int pos = 2;
            while (pos + 4 <= jpeg.length && u8(jpeg, pos) == 0xFF) {
                int marker = u8(jpeg, pos + 1);
                int length = u16(jpeg, pos + 2, false);
                if (marker == 0xDA || length < 2) {
                    return 1; // start of scan: no more metadata
                }
                if (marker == 0xE1 && length >= 8 && "Exif\0\0".equals(new String(jpeg, pos + 4, 6, java.nio.charset.StandardCharsets.ISO_8859_1))) {
                    return fromTiff(jpeg, pos + 10, pos + 2 + length);
                }
                pos += 2 + length;
            }
            return 1;
        } catch (IndexOutOfBoundsException e) {
            return 1;
        }
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little = u8(b, tiff) == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == TAG_ORIENTATION) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** {@code image} turned and mirrored as orientation says; 5..8 swap width and height. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, type);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                switch (orientation) {
                    case 2 -> turned.setRGB(w - 1 - x, y, row[x]);
                    case 3 -> turned.setRGB(w - 1 - x, h - 1 - y, row[x]);
                    case 4 -> turned.setRGB(x, h - 1 - y, row[x]);
                    case 5 -> turned.setRGB(y, x, row[x]);
                    case 6 -> turned.setRGB(h - 1 - y, x, row[x]);
                    case 7 -> turned.setRGB(h - 1 - y, w - 1 - x, row[x]);
                    default -> turned.setRGB(y, w - 1 - x, row[x]);
                }
            }
        }
        return turned;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? u8(b, i) | u8(b, i + 1) << 8 : u8(b, i) << 8 | u8(b, i + 1);
    }

    private static long u32(byte[] b, int i, boolean little) {
        long value = little
                ? u16(b, i, true) | (long) u16(b, i + 2, true) << 16
                : (long) u16(b, i, false) << 16 | u16(b, i + 2, false);
        return value & 0xFFFFFFFFL;
    }
}
