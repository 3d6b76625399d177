package dev.flywheel.backend.bench;

import dev.flywheel.backend.analytics.ConfidentJoint;
import dev.flywheel.backend.analytics.ConfidentLearning;
import dev.flywheel.backend.analytics.IssueFilter;
import dev.flywheel.backend.analytics.IssueRanking;
import dev.flywheel.backend.analytics.OutOfSamplePrediction;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.training.ClassifierTrainer;
import dev.flywheel.backend.training.Example;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.model.api.LabelIssue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Label-issue finding without the server, for tuning: 1,000 Fashion-MNIST images with a share of labels flipped, K-fold
 * out-of-fold probabilities from the classifier trainer, then confident learning's variants scored against the flips.
 * {@link LabelIssueBench} gives the figures that count.
 */
public final class LabelIssueExperiment {

    private LabelIssueExperiment() {}

    public static void main(String[] args) {
        int n = Integer.getInteger("experiment.n", 1000);
        double noise = Double.parseDouble(System.getProperty("experiment.noise", "0.1"));
        int folds = Integer.getInteger("experiment.folds", 5);
        int budget = Integer.getInteger("experiment.budget", 7500);
        int minEpochs = Integer.getInteger("experiment.minEpochs", 4);
        TrainingSettings d = TrainingSettings.defaults();
        TrainingSettings fold = new TrainingSettings(d.inputSize(), d.batchSize(), d.learningRate(), budget, minEpochs, d.maxEpochs(), 0.0, d.seed());
        FashionMnist train = FashionMnist.read("train", n);
        ImageTensors tensors = new ImageTensors(d.inputSize());
        Random random = new Random(7);
        List<Example> all = new ArrayList<>();
        Set<Long> flipped = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int label = train.label(i);
            if (random.nextDouble() < noise) {
                label = (label + 1 + random.nextInt(9)) % 10;
                flipped.add((long) i + 1);
            }
            all.add(new Example(i + 1, tensors.toRgb(train.image(i)), label));
        }
        ClassifierTrainer trainer = new ClassifierTrainer(fold);
        double[][] probabilities = new double[n][];
        long start = System.nanoTime();
        for (int f = 0; f < folds; f++) {
            List<Example> training = new ArrayList<>();
            List<Example> held = new ArrayList<>();
            List<Integer> heldIndex = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (i % folds == f) {
                    held.add(all.get(i));
                    heldIndex.add(i);
                } else {
                    training.add(all.get(i));
                }
            }
            List<double[]> p = trainer.outOfFold(training, held, 10, () -> false);
            for (int j = 0; j < held.size(); j++) {
                probabilities[heldIndex.get(j)] = p.get(j);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int correctTrue = 0;
        for (int i = 0; i < n; i++) {
            correctTrue += argmax(probabilities[i]) == train.label(i) ? 1 : 0;
        }
        System.out.printf("n=%d noise=%.2f flips=%d folds=%d budget=%d time=%.1fs oof-accuracy-vs-truth=%.3f%n", n, noise, flipped.size(),
                folds, budget, seconds, (double) correctTrue / n);
        String dump = System.getProperty("experiment.dump");
        if (dump != null) {
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < n; i++) {
                csv.append(all.get(i).label()).append(',').append(train.label(i));
                for (double v : probabilities[i]) {
                    csv.append(',').append(v);
                }
                csv.append('\n');
            }
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(dump), csv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (double t : new double[] {1.0}) {
            List<OutOfSamplePrediction> examples = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                examples.add(new OutOfSamplePrediction(i + 1, (long) i + 1, all.get(i).label(), tempered(probabilities[i], t)));
            }
            ConfidentJoint joint = ConfidentJoint.estimate(examples);
            long off = 0;
            long[][] c = joint.calibrated();
            for (int a = 0; a < c.length; a++) {
                for (int b = 0; b < c.length; b++) {
                    off += a == b ? 0 : c[a][b];
                }
            }
            for (IssueFilter filter : IssueFilter.values()) {
                List<LabelIssue> issues = ConfidentLearning.findLabelIssues(FashionMnist.LABELS, examples, filter, IssueRanking.SELF_CONFIDENCE);
                long hits = issues.stream().filter(x -> flipped.contains(x.taskId())).count();
                long top = issues.stream().limit(flipped.size()).filter(x -> flipped.contains(x.taskId())).count();
                System.out.printf("T=%.1f %-20s noise-estimate=%.3f flagged=%d precision=%.3f recall=%.3f top-%d precision=%.3f%n", t, filter,
                        (double) off / n, issues.size(), (double) hits / Math.max(1, issues.size()), (double) hits / flipped.size(),
                        flipped.size(), (double) top / flipped.size());
            }
        }
    }

    private static double[] tempered(double[] p, double t) {
        double[] out = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.pow(Math.max(p[i], 1e-12), 1 / t);
            sum += out[i];
        }
        for (int i = 0; i < p.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
