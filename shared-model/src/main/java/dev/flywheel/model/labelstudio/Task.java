package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A Label Studio task as sent in {@code /predict} (batch and interactive serializers), webhooks and exports.
 *
 * <p>Only {@code data} matters for prediction and it holds <em>raw, unresolved</em> URIs; every field may be
 * missing (tests send tasks without {@code id}; {@code TASKS_DELETED} sends ids only).
 *
 * @param id task id, or null
 * @param data the task's data keyed by the label config's {@code $variables}; values may be null
 * @param meta free-form task metadata
 * @param createdAt ISO time as sent
 * @param updatedAt ISO time as sent
 * @param isLabeled whether the task reached its overlap (batch serializer only)
 * @param overlap how many annotations the task wants (batch serializer only)
 * @param innerId the task's number inside its project
 * @param totalAnnotations count of annotations
 * @param cancelledAnnotations count of skips
 * @param totalPredictions count of predictions
 * @param commentCount count of comments
 * @param unresolvedCommentCount count of open comments
 * @param lastCommentUpdatedAt ISO time as sent
 * @param project numeric project id
 * @param updatedBy the last user who changed the task
 * @param fileUpload the upload, by id (batch) or file name (interactive)
 * @param commentAuthors users as sent (ids or objects)
 * @param annotations the task's annotations
 * @param predictions the task's predictions
 * @param drafts unsaved drafts (interactive serializer only)
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record Task(Long id, Map<String, Object> data, Map<String, Object> meta, @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt, @JsonProperty("is_labeled") Boolean isLabeled, Integer overlap,
        @JsonProperty("inner_id") Long innerId, @JsonProperty("total_annotations") Integer totalAnnotations,
        @JsonProperty("cancelled_annotations") Integer cancelledAnnotations,
        @JsonProperty("total_predictions") Integer totalPredictions, @JsonProperty("comment_count") Integer commentCount,
        @JsonProperty("unresolved_comment_count") Integer unresolvedCommentCount,
        @JsonProperty("last_comment_updated_at") String lastCommentUpdatedAt, Long project,
        @JsonProperty("updated_by") UserRef updatedBy, @JsonProperty("file_upload") FileUpload fileUpload,
        @JsonProperty("comment_authors") List<Object> commentAuthors, List<Annotation> annotations, List<Prediction> predictions,
        List<Draft> drafts, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public Task {
        if (id != null && id < 0) {
            throw new IllegalArgumentException("task id must not be negative, was " + id);
        }
        if (data != null && data.keySet().stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("task data keys must not be null");
        }
        data = Copies.map(data);
        meta = Copies.map(meta);
        commentAuthors = Copies.looseList(commentAuthors);
        annotations = Copies.list(annotations);
        predictions = Copies.list(predictions);
        drafts = Copies.list(drafts);
        extra = Copies.extra(extra);
    }

    /** A task with only an id and data, as a builder or test would make it. */
    public static Task of(Long id, Map<String, Object> data) {
        return new Task(id, data, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The task's annotations, or an empty list when the field was absent. */
    public List<Annotation> annotationsOrEmpty() {
        return annotations == null ? List.of() : annotations;
    }

    /** The task's predictions, or an empty list when the field was absent. */
    public List<Prediction> predictionsOrEmpty() {
        return predictions == null ? List.of() : predictions;
    }
}
