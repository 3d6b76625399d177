package dev.flywheel.backend.inference;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** A version of the built-in grid detector in memory, with a small predictor pool (DJL predictors are not shared). */
public final class LoadedDetector implements Detector {

    /** Parameter file prefix inside a version folder. */
    public static final String PARAMS_NAME = "flywheel-detector";
    private static final double MIN_CANDIDATE_SCORE = 0.01;
    private static final int MAX_BATCH = 32;

    private final String version;
    private final List<String> labels;
    private final Model model;
    private final BlockingQueue<Predictor<BufferedImage, List<Detection>>> predictors;
    private final List<Predictor<BufferedImage, List<Detection>>> all = new ArrayList<>();

    private LoadedDetector(String version, List<String> labels, Model model, int inputSize, int poolSize) {
        this.version = version;
        this.labels = List.copyOf(labels);
        this.model = model;
        this.predictors = new ArrayBlockingQueue<>(poolSize);
        GridTranslator translator = new GridTranslator(inputSize, labels, MIN_CANDIDATE_SCORE);
        for (int i = 0; i < poolSize; i++) {
            Predictor<BufferedImage, List<Detection>> predictor = model.newPredictor(translator);
            all.add(predictor);
            predictors.add(predictor);
        }
    }

    /** Loads saved parameters of {@link GridDetectorNet} for {@code labels} (output order). */
    public static LoadedDetector load(Path versionDir, String version, List<String> labels, int inputSize, int poolSize) {
        Model model = Model.newInstance(version, "PyTorch");
        try {
            model.setBlock(GridDetectorNet.build(labels.size()));
            model.load(versionDir, PARAMS_NAME);
            return new LoadedDetector(version, labels, model, inputSize, poolSize);
        } catch (IOException e) {
            model.close();
            throw new UncheckedIOException("could not read the parameters of " + version, e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IllegalStateException("the parameters of " + version + " do not fit the grid detector", e);
        }
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public List<String> classes() {
        return labels;
    }

    @Override
    public List<List<Detection>> detect(List<BufferedImage> images) {
        Predictor<BufferedImage, List<Detection>> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a detector predictor", e);
        }
        try {
            List<List<Detection>> found = new ArrayList<>(images.size());
            for (int from = 0; from < images.size(); from += MAX_BATCH) {
                found.addAll(predictor.batchPredict(images.subList(from, Math.min(images.size(), from + MAX_BATCH))));
            }
            return found;
        } catch (TranslateException e) {
            throw new IllegalStateException("detection failed in " + version, e);
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
        model.close();
    }
}
