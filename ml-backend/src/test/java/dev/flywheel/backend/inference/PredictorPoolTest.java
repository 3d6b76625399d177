package dev.flywheel.backend.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.nn.LambdaBlock;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PredictorPoolTest {

    @Test
    void outputsComeInInputOrderInForwardPassesOfAtMostTheBatchSize() {
        Doubling translator = new Doubling(null);
        try (PredictorPool<Float, Float> pool = new PredictorPool<>("test", identityModel(), translator, 1, 3)) {
            List<Float> outputs = pool.predict(List.of(1f, 2f, 3f, 4f, 5f, 6f, 7f));

            assertThat(outputs).containsExactly(2f, 4f, 6f, 8f, 10f, 12f, 14f);
            assertThat(translator.batches).containsExactly(3, 3, 1);
        }
    }

    @Test
    void aBatchSizeOfOneCallsTheModelOncePerInput() {
        Doubling translator = new Doubling(null);
        try (PredictorPool<Float, Float> pool = new PredictorPool<>("test", identityModel(), translator, 1, 1)) {
            assertThat(pool.predict(List.of(1f, 2f, 3f))).containsExactly(2f, 4f, 6f);
            assertThat(translator.batches).containsExactly(1, 1, 1);
        }
    }

    @Test
    void callersBeyondThePoolsPredictorsWaitForOneToBeGivenBack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Doubling translator = new Doubling(release);
        List<Float> results = Collections.synchronizedList(new ArrayList<>());
        try (PredictorPool<Float, Float> pool = new PredictorPool<>("test", identityModel(), translator, 2, 32)) {
            List<Thread> callers = IntStream.range(0, 4)
                    .mapToObj(i -> new Thread(() -> results.addAll(pool.predict(List.of((float) i))), "caller-" + i))
                    .toList();
            callers.forEach(Thread::start);
            // Every caller is parked: two inside the model behind the gate, two waiting for a predictor.
            awaitAll(callers, t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
            assertThat(translator.inside).as("callers inside the model while the pool holds two predictors").hasValue(2);

            release.countDown();
            for (Thread caller : callers) {
                caller.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(results).containsExactlyInAnyOrder(0f, 2f, 4f, 6f);
            assertThat(translator.mostInside).hasValue(2);
        }
    }

    private static void awaitAll(List<Thread> threads, java.util.function.Predicate<Thread> state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!threads.stream().allMatch(state) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(threads).allMatch(state);
    }

    private static Model identityModel() {
        Model model = Model.newInstance("identity", "PyTorch");
        model.setBlock(new LambdaBlock(list -> list));
        return model;
    }

    /** Doubles each input in its post-processing and records the batch sizes and how many calls were inside at once. */
    private static final class Doubling implements Translator<Float, Float> {

        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        private final CountDownLatch gate;

        Doubling(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Float input) throws Exception {
            int now = inside.incrementAndGet();
            mostInside.accumulateAndGet(now, Math::max);
            if (gate != null) {
                gate.await(30, TimeUnit.SECONDS);
            }
            return new NDList(ctx.getNDManager().create(new float[] {input}));
        }

        @Override
        public Float processOutput(TranslatorContext ctx, NDList list) {
            inside.decrementAndGet();
            return list.singletonOrThrow().toFloatArray()[0] * 2;
        }

        @Override
        public Batchifier getBatchifier() {
            return new Batchifier() {
                @Override
                public NDList batchify(NDList[] inputs) {
                    batches.add(inputs.length);
                    return Batchifier.STACK.batchify(inputs);
                }

                @Override
                public NDList[] unbatchify(NDList inputs) {
                    return Batchifier.STACK.unbatchify(inputs);
                }

                @Override
                public NDList[] split(NDList list, int numOfSlices, boolean evenSplit) {
                    return Batchifier.STACK.split(list, numOfSlices, evenSplit);
                }
            };
        }
    }
}
