package dev.flywheel.backend.inference;

/**
 * An axis-aligned box in image pixels, origin top-left.
 *
 * @param left x of the left edge
 * @param top y of the top edge
 * @param width extent to the right, not negative
 * @param height extent downwards, not negative
 */
public record PixelBox(double left, double top, double width, double height) {

    public PixelBox {
        if (!Double.isFinite(left) || !Double.isFinite(top) || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("a box needs finite coordinates");
        }
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("a box cannot have a negative size: " + width + "x" + height);
        }
    }

    /** A box from its centre and size, as YOLO-style detectors write them; a negative size becomes zero. */
    static PixelBox fromCenter(double centerX, double centerY, double width, double height) {
        double w = Math.max(0, width);
        double h = Math.max(0, height);
        return new PixelBox(centerX - w / 2, centerY - h / 2, w, h);
    }

    public double right() {
        return left + width;
    }

    public double bottom() {
        return top + height;
    }

    public double area() {
        return width * height;
    }

    /** This box cut to {@code [0, imageWidth] × [0, imageHeight]}; zero-sized when it lies outside. */
    public PixelBox clampTo(int imageWidth, int imageHeight) {
        double l = Math.clamp(left, 0, imageWidth);
        double t = Math.clamp(top, 0, imageHeight);
        double r = Math.clamp(right(), 0, imageWidth);
        double b = Math.clamp(bottom(), 0, imageHeight);
        return new PixelBox(l, t, Math.max(0, r - l), Math.max(0, b - t));
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(PixelBox other) {
        double w = Math.min(right(), other.right()) - Math.max(left, other.left);
        double h = Math.min(bottom(), other.bottom()) - Math.max(top, other.top);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        return intersection / (area() + other.area() - intersection);
    }
}
