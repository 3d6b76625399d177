package dev.flywheel.backend.analytics;

import java.util.List;
import java.util.Objects;

/**
 * How well a classifier did on labeled examples: overall accuracy, macro-F1, per-class scores and the confusion matrix
 * ({@code confusion[given][predicted]}).
 */
public record ClassificationReport(double accuracy, double macroF1, List<ClassScore> perClass, List<List<Integer>> confusion) {

    public ClassificationReport {
        perClass = List.copyOf(perClass);
        confusion = confusion.stream().map(List::copyOf).toList();
    }

    /** Precision, recall, F1 and support of one class. */
    public record ClassScore(String label, double precision, double recall, double f1, int support) {

        public ClassScore {
            Objects.requireNonNull(label, "label");
        }
    }

    /** Scores predictions against the given labels; indices refer to {@code labels}. */
    public static ClassificationReport of(List<String> labels, int[] given, int[] predicted) {
        if (given.length != predicted.length) {
            throw new IllegalArgumentException("given and predicted differ in length");
        }
        int k = labels.size();
        int[][] matrix = new int[k][k];
        int correct = 0;
        for (int i = 0; i < given.length; i++) {
            matrix[given[i]][predicted[i]]++;
            if (given[i] == predicted[i]) {
                correct++;
            }
        }
        List<ClassScore> scores = new java.util.ArrayList<>(k);
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int tp = matrix[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int j = 0; j < k; j++) {
                support += matrix[c][j];
                predictedAs += matrix[j][c];
            }
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassScore(labels.get(c), precision, recall, f1, support));
            // Macro-F1 over the classes that occur, as scikit-learn does with labels taken from the data.
            if (support > 0 || predictedAs > 0) {
                f1Sum += f1;
                present++;
            }
        }
        List<List<Integer>> confusion = java.util.Arrays.stream(matrix)
                .map(row -> java.util.Arrays.stream(row).boxed().toList())
                .toList();
        double accuracy = given.length == 0 ? 0 : (double) correct / given.length;
        return new ClassificationReport(accuracy, present == 0 ? 0 : f1Sum / present, scores, confusion);
    }
}
