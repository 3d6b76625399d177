package dev.flywheel.model.api;

import java.util.List;

/**
 * A confusion matrix: {@code matrix[i][j]} counts hold-out examples labelled {@code labels[i]} and predicted
 * {@code labels[j]}.
 *
 * @param labels row and column labels, in order
 * @param matrix square matrix of non-negative counts, one row per label
 */
public record Confusion(List<String> labels, List<List<Long>> matrix) {

    public Confusion {
        labels = Checks.list(labels);
        matrix = Checks.list(matrix).stream().map(Checks::list).toList();
        if (matrix.size() != labels.size()) {
            throw new IllegalArgumentException("confusion needs one row per label: " + labels.size()
                    + " labels, " + matrix.size() + " rows");
        }
        for (List<Long> row : matrix) {
            if (row.size() != labels.size()) {
                throw new IllegalArgumentException("confusion rows need one cell per label, got " + row.size());
            }
            row.forEach(cell -> Checks.nonNegative("confusion cell", cell));
        }
    }
}
