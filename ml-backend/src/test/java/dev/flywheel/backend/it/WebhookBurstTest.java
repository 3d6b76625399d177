package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A thousand webhooks from 32 threads, a hundred of them re-deliveries: every annotation is counted exactly once. */
class WebhookBurstTest {

    private static final long PROJECT = 71;

    @TempDir
    Path home;

    /** One delivery: the task and the annotation Label Studio sent. */
    record Delivery(Task task, Annotation annotation) {}

    @Test
    void aThousandConcurrentWebhooksWithAHundredDuplicatesCountNineHundredAnnotations() throws Exception {
        try (RunningBackend backend = RunningBackend.start(home, Map.of())) {
            LabelStudioSimulator setup = LabelStudioSimulator.of(backend.uri());
            setup.connect(PROJECT + ".1700000000", ShapeScenes.CONFIG, "http://127.0.0.1:1", null);
            List<Delivery> deliveries = deliveries(900, 100, new Random(9));

            List<Integer> statuses = send(backend.uri(), deliveries, 32);

            assertThat(statuses).hasSize(1000).allSatisfy(s -> assertThat(s).isEqualTo(201));
            JsonNode stats = Hostile.MAPPER.readTree(Hostile.get(backend.uri(), "/api/v1/projects/" + PROJECT + "/stats").body());
            assertThat(stats.path("annotations").asInt()).isEqualTo(900);
            assertThat(stats.path("tasks").asInt()).isEqualTo(900);
            Hostile.assertHealthy(backend.uri(), "the burst");
        }
    }

    /**
     * {@code distinct} annotations of one class (so no training competes) on their own tasks, plus {@code duplicates}
     * re-deliveries of random earlier ones, shuffled.
     */
    static List<Delivery> deliveries(int distinct, int duplicates, Random random) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            Task task = Tasks.imageTask(70_000 + i, "/data/upload/71/w" + i + ".png");
            deliveries.add(new Delivery(task, Annotations.choice(710_000 + i, task.id(), "circle")));
        }
        for (int i = 0; i < duplicates; i++) {
            deliveries.add(deliveries.get(random.nextInt(distinct)));
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }

    /** Sends every delivery from {@code threads} threads, one simulator each; returns the statuses. */
    static List<Integer> send(java.net.URI uri, List<Delivery> deliveries, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    LabelStudioSimulator ls = LabelStudioSimulator.of(uri);
                    ls.connect(PROJECT + ".1700000000", ShapeScenes.CONFIG, "http://127.0.0.1:1", null);
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = first; i < deliveries.size(); i += threads) {
                        statuses.add(ls.annotate(deliveries.get(i).task(), deliveries.get(i).annotation()).status());
                    }
                    return statuses;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
