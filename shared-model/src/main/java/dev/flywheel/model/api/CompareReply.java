package dev.flywheel.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The reply of {@code GET /api/v1/projects/{project}/compare}: what changed between two versions.
 *
 * @param base the base version
 * @param candidate the candidate version
 * @param metrics headline metrics side by side
 * @param perClass per-label F1 side by side
 * @param confusionBase the base confusion matrix
 * @param confusionCandidate the candidate confusion matrix
 * @param changed hold-out tasks the candidate fixed or broke
 * @param dataDiff how the training data changed
 * @param perClassAp per-label AP@0.5 side by side, for object detectors (whose {@code per_class} F1 is empty and
 *     confusion matrices null); empty, and left out of the JSON, for classifiers
 * @param evaluation the tasks both versions were scored on; null from a backend that does not say
 */
public record CompareReply(String base, String candidate, List<MetricDelta> metrics,
        @JsonProperty("per_class") List<ClassF1Delta> perClass, @JsonProperty("confusion_base") Confusion confusionBase,
        @JsonProperty("confusion_candidate") Confusion confusionCandidate, ChangedTasks changed,
        @JsonProperty("data_diff") DataDiff dataDiff,
        @JsonProperty("per_class_ap") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ClassApDelta> perClassAp,
        @JsonInclude(JsonInclude.Include.NON_NULL) EvaluationSet evaluation) {

    public CompareReply {
        Checks.required("base candidate", base, candidate);
        metrics = Checks.list(metrics);
        perClass = Checks.list(perClass);
        perClassAp = Checks.list(perClassAp);
    }

    /** A comparison that does not say what it was scored on. */
    public CompareReply(String base, String candidate, List<MetricDelta> metrics, List<ClassF1Delta> perClass, Confusion confusionBase,
            Confusion confusionCandidate, ChangedTasks changed, DataDiff dataDiff, List<ClassApDelta> perClassAp) {
        this(base, candidate, metrics, perClass, confusionBase, confusionCandidate, changed, dataDiff, perClassAp, null);
    }

    /** This comparison, saying it was scored on {@code set}. */
    public CompareReply withEvaluation(EvaluationSet set) {
        return new CompareReply(base, candidate, metrics, perClass, confusionBase, confusionCandidate, changed, dataDiff, perClassAp, set);
    }

    /** A comparison of two classifiers. */
    public CompareReply(String base, String candidate, List<MetricDelta> metrics, List<ClassF1Delta> perClass, Confusion confusionBase,
            Confusion confusionCandidate, ChangedTasks changed, DataDiff dataDiff) {
        this(base, candidate, metrics, perClass, confusionBase, confusionCandidate, changed, dataDiff, List.of());
    }
}
