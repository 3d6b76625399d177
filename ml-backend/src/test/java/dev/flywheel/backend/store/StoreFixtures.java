package dev.flywheel.backend.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Builders for the store's records, with the values tests do not care about filled in. */
final class StoreFixtures {

    static final Clock CLOCK = Clock.systemUTC();
    static final long PROJECT = 7;
    static final Instant CREATED = Instant.parse("2021-08-17T13:52:48.536303Z");

    private StoreFixtures() {}

    static ProjectDefinition project(long id, String... labels) {
        return new ProjectDefinition(id, "Project " + id, config(labels), List.of(labels), "image_classification");
    }

    static String config(String... labels) {
        StringBuilder xml = new StringBuilder("<View><Image name=\"image\" value=\"$image\"/>"
                + "<Choices name=\"choice\" toName=\"image\">");
        for (String label : labels) {
            xml.append("<Choice value=\"").append(label).append("\"/>");
        }
        return xml.append("</Choices></View>").toString();
    }

    /**
     * Runs every save on a pool of {@code threads}, all released at once by one latch so that they contend, and answers
     * their outcomes in the order given.
     */
    static List<WriteOutcome> saveAtOnce(int threads, List<Callable<WriteOutcome>> saves) throws Exception {
        ExecutorService webhooks = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<WriteOutcome>> outcomes = new ArrayList<>();
            for (Callable<WriteOutcome> save : saves) {
                outcomes.add(webhooks.submit(() -> {
                    go.await();
                    return save.call();
                }));
            }
            go.countDown();
            List<WriteOutcome> results = new ArrayList<>();
            for (Future<WriteOutcome> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            webhooks.shutdown();
        }
    }

    static Task task(long id) {
        return new Task(PROJECT, id, "{\"image\":\"/data/upload/1/img-" + id + ".jpg\"}",
                Optional.of("/data/upload/1/img-" + id + ".jpg"), CREATED, false);
    }

    /** A classification annotation by annotator 1, created and last updated at {@link #CREATED}. */
    static Annotation annotation(long id, long taskId, String label) {
        return annotation(id, taskId, label, 1, CREATED);
    }

    static Annotation annotation(long id, long taskId, String label, long annotator, Instant updatedAt) {
        String result = "[{\"from_name\":\"choice\",\"to_name\":\"image\",\"type\":\"choices\","
                + "\"value\":{\"choices\":[\"" + label + "\"]}}]";
        return new Annotation(PROJECT, id, taskId, Optional.of(annotator), Optional.of(CREATED),
                Optional.of(updatedAt), Optional.of(10.0 + id), result, List.of(label), false, false);
    }

    static Annotation skipped(long id, long taskId) {
        return new Annotation(PROJECT, id, taskId, Optional.of(1L), Optional.of(CREATED), Optional.of(CREATED),
                Optional.of(2.0), "[]", List.of(), true, false);
    }

    /** Opens a store with project {@link #PROJECT} (labels cat, dog) already saved. */
    static SqliteStore openWithProject(Path file) {
        SqliteStore store = SqliteStore.open(file, CLOCK);
        store.projects().save(project(PROJECT, "cat", "dog"));
        return store;
    }
}
