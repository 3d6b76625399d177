package dev.flywheel.backend.training;

import dev.flywheel.backend.store.LabeledAnnotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A task of a multi-label project with the tags it trains on: per tag the majority of its annotators, a tie going to
 * the latest annotation.
 *
 * @param annotationId the latest annotation of the task
 * @param imageRef the task's image, or null when the store has none
 * @param tags its tags, in label order
 */
public record TaggedTask(long taskId, long annotationId, String imageRef, List<String> tags) {

    /** How a task's tags are written where one string stands for them (training set, hold-out): comma-joined in label order. */
    public static final String SEPARATOR = ",";

    public TaggedTask {
        tags = List.copyOf(tags);
    }

    /** One entry per task with at least one tag among {@code labels}, by task id. */
    public static Map<Long, TaggedTask> perTask(List<LabeledAnnotation> annotations, List<String> labels) {
        Map<Long, List<LabeledAnnotation>> byTask = new HashMap<>();
        for (LabeledAnnotation a : annotations) {
            if (a.labels().stream().anyMatch(labels::contains)) {
                byTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<Long, TaggedTask> result = new TreeMap<>();
        byTask.forEach((task, list) -> {
            list.sort(Comparator.comparingLong(LabeledAnnotation::annotationId));
            LabeledAnnotation latest = list.getLast();
            List<String> tags = new ArrayList<>();
            for (String label : labels) {
                long votes = list.stream().filter(a -> a.labels().contains(label)).count();
                if (2 * votes > list.size() || (2 * votes == list.size() && latest.labels().contains(label))) {
                    tags.add(label);
                }
            }
            if (!tags.isEmpty()) {
                result.put(task, new TaggedTask(task, latest.annotationId(), latest.imageRef().orElse(null), tags));
            }
        });
        return result;
    }

    /** Per label of {@code labels}, whether the task has it. */
    public boolean[] given(List<String> labels) {
        boolean[] given = new boolean[labels.size()];
        for (int j = 0; j < given.length; j++) {
            given[j] = tags.contains(labels.get(j));
        }
        return given;
    }

    /** The tags as one string, {@link #SEPARATOR}-joined. */
    public String joined() {
        return String.join(SEPARATOR, tags);
    }

    /** The tags a {@link #joined} string stands for, as given per label of {@code labels}. */
    public static boolean[] parse(String joined, List<String> labels) {
        List<String> tags = joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR, -1));
        boolean[] given = new boolean[labels.size()];
        for (int j = 0; j < given.length; j++) {
            given[j] = tags.contains(labels.get(j));
        }
        return given;
    }

    /** The {@link #joined} string of the labels whose probability reaches their threshold. */
    public static String joined(List<String> labels, double[] probabilities, double[] thresholds) {
        Objects.requireNonNull(labels, "labels");
        List<String> chosen = new ArrayList<>();
        for (int j = 0; j < labels.size(); j++) {
            if (probabilities[j] >= thresholds[j]) {
                chosen.add(labels.get(j));
            }
        }
        return String.join(SEPARATOR, chosen);
    }
}
