package dev.flywheel.backend.inference;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes boxes as the grid detector's training target and decodes its output, in plain arrays shared by training
 * and inference.
 *
 * <p>Coordinates are fractions of the image (0–1). The cell holding a box's centre is responsible for it: objectness
 * 1, {@code sigmoid(tx), sigmoid(ty)} = centre offset inside the cell, {@code sigmoid(tw), sigmoid(th)} = width and
 * height as fractions of the image, and a one-hot class. When two centres share a cell, the larger box wins.
 * Layout of both arrays: channels first, {@code [5 + C, G, G]}.
 */
public final class GridCodec {

    private final int grid;
    private final int classes;

    public GridCodec(int grid, int classes) {
        if (grid < 1 || classes < 1) {
            throw new IllegalArgumentException("grid and classes must be positive");
        }
        this.grid = grid;
        this.classes = classes;
    }

    public int channels() {
        return 5 + classes;
    }

    /** A box as fractions of the image, with its class index. */
    public record UnitBox(int classIndex, double left, double top, double width, double height) {}

    /** The training target of one image. */
    public float[] encode(List<UnitBox> boxes) {
        int plane = grid * grid;
        float[] target = new float[channels() * plane];
        float[] areaAt = new float[plane];
        for (UnitBox box : boxes) {
            double cx = Math.clamp(box.left() + box.width() / 2, 0, 1 - 1e-9);
            double cy = Math.clamp(box.top() + box.height() / 2, 0, 1 - 1e-9);
            int gx = (int) (cx * grid);
            int gy = (int) (cy * grid);
            int cell = gy * grid + gx;
            float area = (float) (box.width() * box.height());
            if (target[cell] == 1f && areaAt[cell] >= area) {
                continue;
            }
            areaAt[cell] = area;
            target[cell] = 1f;
            target[plane + cell] = (float) (cx * grid - gx);
            target[2 * plane + cell] = (float) (cy * grid - gy);
            target[3 * plane + cell] = (float) Math.clamp(box.width(), 0, 1);
            target[4 * plane + cell] = (float) Math.clamp(box.height(), 0, 1);
            for (int k = 0; k < classes; k++) {
                target[(5 + k) * plane + cell] = k == box.classIndex() ? 1f : 0f;
            }
        }
        return target;
    }

    /** Every cell's box with score objectness × class probability of its best class, at or above {@code minScore}. */
    public List<UnitDetection> decode(float[] output, double minScore) {
        int plane = grid * grid;
        List<UnitDetection> found = new ArrayList<>();
        for (int cell = 0; cell < plane; cell++) {
            double objectness = sigmoid(output[cell]);
            double max = Double.NEGATIVE_INFINITY;
            int best = 0;
            for (int k = 0; k < classes; k++) {
                double logit = output[(5 + k) * plane + cell];
                if (logit > max) {
                    max = logit;
                    best = k;
                }
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(output[(5 + k) * plane + cell] - max);
            }
            double score = objectness / sum;
            if (score < minScore) {
                continue;
            }
            int gx = cell % grid;
            int gy = cell / grid;
            double cx = (gx + sigmoid(output[plane + cell])) / grid;
            double cy = (gy + sigmoid(output[2 * plane + cell])) / grid;
            double w = sigmoid(output[3 * plane + cell]);
            double h = sigmoid(output[4 * plane + cell]);
            found.add(new UnitDetection(best, Math.clamp(score, 0, 1), cx - w / 2, cy - h / 2, w, h));
        }
        return found;
    }

    /** A decoded cell: class index, score and box as fractions of the image. */
    public record UnitDetection(int classIndex, double score, double left, double top, double width, double height) {}

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
