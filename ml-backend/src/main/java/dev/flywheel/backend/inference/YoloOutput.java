package dev.flywheel.backend.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a YOLO-style output tensor, given as flat values and a shape, into detections in input pixels.
 *
 * <p>Accepted layouts, with {@code C} the number of class names and {@code N} the number of candidates:
 * <ul>
 *   <li>{@code [N, 4+C]} or {@code [1, N, 4+C]}: one candidate per row — {@code cx, cy, w, h}, then a score per class
 *       (YOLOv8/v11 after transposing, most exported end-to-end heads);</li>
 *   <li>{@code [4+C, N]} or {@code [1, 4+C, N]}: one candidate per column (YOLOv8/v11's raw ONNX/TorchScript export);</li>
 *   <li>{@code [N, 5+C]} or {@code [1, N, 5+C]} (and transposed): {@code cx, cy, w, h, objectness}, then class scores;
 *       a candidate's score is objectness × class score (YOLOv5).</li>
 * </ul>
 * Coordinates are in input pixels of the letterboxed square; scores are probabilities (clamped to [0, 1]). When both
 * readings fit (a square output), one candidate per row wins. Each candidate yields its best class.
 */
final class YoloOutput {

    private YoloOutput() {}

    /** The candidates whose best score is at least {@code minScore}, in the detector's order. */
    public static List<Detection> decode(float[] values, long[] shape, List<String> classes, double minScore) {
        int c = classes.size();
        long[] dims = shape.length == 3 && shape[0] == 1 ? Arrays.copyOfRange(shape, 1, 3) : shape;
        if (dims.length != 2) {
            throw new IllegalArgumentException("expected a detector output of [N, 4+C] or [1, 4+C, N], got " + Arrays.toString(shape));
        }
        int rows = Math.toIntExact(dims[0]);
        int cols = Math.toIntExact(dims[1]);
        boolean perRow;
        int width;
        if (cols == 4 + c || cols == 5 + c) {
            perRow = true;
            width = cols;
        } else if (rows == 4 + c || rows == 5 + c) {
            perRow = false;
            width = rows;
        } else {
            throw new IllegalArgumentException("a detector output of " + Arrays.toString(shape) + " does not fit " + c
                    + " class names: one dimension must be 4+" + c + " or 5+" + c);
        }
        boolean objectness = width == 5 + c;
        int candidates = perRow ? rows : cols;
        List<Detection> found = new ArrayList<>();
        for (int n = 0; n < candidates; n++) {
            int at = n;
            java.util.function.IntToDoubleFunction field = k -> values[perRow ? at * width + k : k * candidates + at];
            int first = objectness ? 5 : 4;
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (field.applyAsDouble(first + k) > field.applyAsDouble(first + best)) {
                    best = k;
                }
            }
            double score = field.applyAsDouble(first + best) * (objectness ? field.applyAsDouble(4) : 1.0);
            if (!(score >= minScore) || !Double.isFinite(score)) {
                continue;
            }
            PixelBox box = PixelBox.fromCenter(field.applyAsDouble(0), field.applyAsDouble(1), field.applyAsDouble(2), field.applyAsDouble(3));
            found.add(new Detection(classes.get(best), Math.clamp(score, 0.0, 1.0), box));
        }
        return found;
    }
}
