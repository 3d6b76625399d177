package dev.flywheel.backend.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A DJL model and a fixed set of its predictors: a DJL predictor must not be shared by threads, so each call borrows
 * one and gives it back. Owns both; closing the pool closes the predictors and then the model.
 *
 * @param <I> one input (a preprocessed image, a feature vector)
 * @param <O> one output
 */
final class PredictorPool<I, O> implements AutoCloseable {

    private final String name;
    private final Model model;
    private final int maxBatch;
    private final BlockingQueue<Predictor<I, O>> idle;
    private final List<Predictor<I, O>> all = new ArrayList<>();

    /**
     * @param name what failures are said to come from, e.g. the version
     * @param size predictors, one per concurrent caller
     * @param maxBatch inputs per forward pass; 1 calls the model once per input (for models exported for batch size 1)
     */
    public PredictorPool(String name, Model model, Translator<I, O> translator, int size, int maxBatch) {
        if (size < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a predictor pool needs at least one predictor and a batch of at least one");
        }
        this.name = name;
        this.model = model;
        this.maxBatch = maxBatch;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Predictor<I, O> predictor = model.newPredictor(translator);
            all.add(predictor);
            idle.add(predictor);
        }
    }

    /** The outputs in input order; waits while every predictor is busy. */
    public List<O> predict(List<I> inputs) {
        Predictor<I, O> predictor = borrow();
        try {
            List<O> outputs = new ArrayList<>(inputs.size());
            for (int from = 0; from < inputs.size(); from += maxBatch) {
                if (maxBatch == 1) {
                    outputs.add(predictor.predict(inputs.get(from)));
                } else {
                    outputs.addAll(predictor.batchPredict(inputs.subList(from, Math.min(inputs.size(), from + maxBatch))));
                }
            }
            return outputs;
        } catch (TranslateException e) {
            throw new IllegalStateException("prediction failed in " + name + ": " + firstLine(e.getMessage()), e);
        } finally {
            idle.add(predictor);
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
        model.close();
    }

    private Predictor<I, O> borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor of " + name, e);
        }
    }

    /** The first line of a message: native errors carry whole stack traces in theirs. */
    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
