package dev.flywheel.model.api;

/**
 * The box a label issue is about, as Label Studio places rectangles: percent of the image, origin top-left.
 *
 * @param x left edge
 * @param y top edge
 * @param width extent to the right
 * @param height extent downwards
 */
public record IssueBox(double x, double y, double width, double height) {

    public IssueBox {
        Checks.finite("x y", x, y);
        Checks.nonNegative("width height", width, height);
    }
}
