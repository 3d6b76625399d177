package dev.flywheel.backend.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.flywheel.backend.analytics.LabeledBox;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.store.AnnotationResult;
import dev.flywheel.model.labelstudio.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The boxes each annotated task trains on, from the stored result JSON of its usable annotations.
 *
 * <p>One annotation per task: the latest (highest id). Boxes of several annotators cannot be voted on like class
 * labels, and the latest is the one a reviewer most likely corrected. An annotation without boxes still counts: an
 * image with nothing on it teaches the detector what background looks like. An annotation whose every box was
 * ignored (rotated, or a label no longer in the config) is left out, so it does not teach "nothing here".
 */
public final class BoxDataset {

    private BoxDataset() {}

    /** One task's boxes, in percent of the image, and where its image is. */
    public record BoxTask(long taskId, long annotationId, String imageRef, List<LabeledBox> boxes) {

        public BoxTask {
            boxes = List.copyOf(boxes);
        }

        /** The task's box labels, sorted and comma-joined: what a manifest's training set records for it. */
        public String summary() {
            return String.join(",", boxes.stream().map(LabeledBox::label).sorted().toList());
        }
    }

    /** What the store's annotations give: tasks in id order, and a note of what was left out (empty for nothing). */
    public record Tasks(Map<Long, BoxTask> perTask, String note) {}

    public static Tasks of(List<AnnotationResult> annotations, ServingTarget target, ObjectMapper mapper) {
        ObjectReader reader = mapper.readerForListOf(Region.class);
        Map<Long, AnnotationResult> latest = new TreeMap<>();
        for (AnnotationResult a : annotations) {
            latest.merge(a.taskId(), a, (x, y) -> x.annotationId() >= y.annotationId() ? x : y);
        }
        Map<Long, BoxTask> perTask = new TreeMap<>();
        int rotated = 0;
        int unknown = 0;
        int unreadable = 0;
        for (AnnotationResult a : latest.values()) {
            List<Region> result;
            try {
                result = reader.readValue(a.resultJson());
            } catch (JsonProcessingException e) {
                unreadable++;
                continue;
            }
            BoxAnnotations.Boxes boxes = BoxAnnotations.of(a.taskId(), result == null ? List.of() : result, target);
            rotated += boxes.rotatedIgnored();
            unknown += boxes.unknownLabelIgnored();
            boolean allIgnored = boxes.boxes().isEmpty() && boxes.rotatedIgnored() + boxes.unknownLabelIgnored() > 0;
            if (!allIgnored && a.imageRef().isPresent()) {
                perTask.put(a.taskId(), new BoxTask(a.taskId(), a.annotationId(), a.imageRef().get(), boxes.boxes()));
            }
        }
        List<String> notes = new ArrayList<>();
        String boxNote = new BoxAnnotations.Boxes(List.of(), rotated, unknown).note();
        if (!boxNote.isEmpty()) {
            notes.add(boxNote);
        }
        if (unreadable > 0) {
            notes.add(unreadable + " annotation(s) with an unreadable result ignored");
        }
        return new Tasks(perTask, String.join("; ", notes));
    }
}
