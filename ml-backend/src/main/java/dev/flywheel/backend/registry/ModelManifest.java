package dev.flywheel.backend.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.flywheel.model.api.ClassMetrics;
import dev.flywheel.model.api.Confusion;
import dev.flywheel.model.api.EpochMetrics;
import dev.flywheel.model.api.ModelMetrics;

/**
 * The facts of one model version, written once beside its parameters and never changed.
 *
 * @param version the string Label Studio sees as {@code model_version}
 * @param project Label Studio's numeric project id
 * @param parent the version that was active when this one was trained, or null for the first
 * @param taskType the name of the task kind it belongs to ({@code image_classification}, ...)
 * @param architecture network name, see {@code ImageClassifierNet.ARCHITECTURE}
 * @param inputSize square input edge in pixels
 * @param labels output index → label
 * @param temperature softmax temperature fitted on the hold-out set (1 = uncalibrated)
 * @param hyperparameters training settings, for the record
 * @param dataFingerprint hash of the task/label pairs trained on
 * @param trainingSet the task/label pairs the version learned from
 * @param datasetSize labeled tasks the run started with, hold-out included
 * @param metrics hold-out accuracy and macro-F1
 * @param perClass hold-out precision, recall and F1 per label
 * @param confusion hold-out confusion matrix, rows given, columns predicted
 * @param history loss and hold-out accuracy per epoch
 * @param holdout the hold-out predictions, kept so two versions can be compared task by task
 * @param createdAt when the version was written, ISO-8601 UTC
 * @param trainingSeconds wall time of the run
 * @param detection an object detector's hold-out evaluation (per-class AP, precision and recall); null for a
 *     classifier. A detector's {@code metrics} carry mAP instead of accuracy, its {@code confusion} is null and its
 *     {@code holdout} empty.
 * @param backbone the frozen backbone a {@code backbone-head-v1} version's head was trained on; null for the built-in
 *     networks
 * @param multiLabel a multi-label classifier's per-label thresholds and average precision; null for the other kinds.
 *     Its {@code holdout} and {@code training_set} then give each task's tags in label order, comma-joined.
 */
public record ModelManifest(
        String version,
        long project,
        String parent,
        @JsonProperty("task_type") String taskType,
        String architecture,
        @JsonProperty("input_size") int inputSize,
        List<String> labels,
        double temperature,
        Map<String, Object> hyperparameters,
        @JsonProperty("data_fingerprint") String dataFingerprint,
        @JsonProperty("training_set") List<TrainingExample> trainingSet,
        @JsonProperty("dataset_size") int datasetSize,
        ModelMetrics metrics,
        @JsonProperty("per_class") List<ClassMetrics> perClass,
        Confusion confusion,
        List<EpochMetrics> history,
        List<HoldoutPrediction> holdout,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("training_seconds") double trainingSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) DetectionSummary detection,
        @JsonInclude(JsonInclude.Include.NON_NULL) BackboneSummary backbone,
        @JsonProperty("multi_label") @JsonInclude(JsonInclude.Include.NON_NULL) MultiLabelSummary multiLabel) {

    @JsonCreator
    public ModelManifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(architecture, "architecture");
        Instant.parse(Objects.requireNonNull(createdAt, "createdAt"));
        labels = List.copyOf(labels);
        hyperparameters = Map.copyOf(hyperparameters);
        trainingSet = List.copyOf(trainingSet);
        Objects.requireNonNull(metrics, "metrics");
        perClass = List.copyOf(perClass);
        history = List.copyOf(history);
        holdout = List.copyOf(holdout);
        // How many labels a version needs is its kind's business (a detector learns "this object or background").
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a model version needs at least one label");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive");
        }
    }

    /** A manifest of a single-label kind. */
    public ModelManifest(String version, long project, String parent, String taskType, String architecture, int inputSize, List<String> labels,
            double temperature, Map<String, Object> hyperparameters, String dataFingerprint, List<TrainingExample> trainingSet, int datasetSize,
            ModelMetrics metrics, List<ClassMetrics> perClass, Confusion confusion, List<EpochMetrics> history, List<HoldoutPrediction> holdout,
            String createdAt, double trainingSeconds, DetectionSummary detection, BackboneSummary backbone) {
        this(version, project, parent, taskType, architecture, inputSize, labels, temperature, hyperparameters, dataFingerprint, trainingSet,
                datasetSize, metrics, perClass, confusion, history, holdout, createdAt, trainingSeconds, detection, backbone, null);
    }

    /** A manifest without a backbone. */
    public ModelManifest(String version, long project, String parent, String taskType, String architecture, int inputSize, List<String> labels,
            double temperature, Map<String, Object> hyperparameters, String dataFingerprint, List<TrainingExample> trainingSet, int datasetSize,
            ModelMetrics metrics, List<ClassMetrics> perClass, Confusion confusion, List<EpochMetrics> history, List<HoldoutPrediction> holdout,
            String createdAt, double trainingSeconds, DetectionSummary detection) {
        this(version, project, parent, taskType, architecture, inputSize, labels, temperature, hyperparameters, dataFingerprint, trainingSet,
                datasetSize, metrics, perClass, confusion, history, holdout, createdAt, trainingSeconds, detection, null);
    }

    /** A classifier's manifest. */
    public ModelManifest(String version, long project, String parent, String taskType, String architecture, int inputSize, List<String> labels,
            double temperature, Map<String, Object> hyperparameters, String dataFingerprint, List<TrainingExample> trainingSet, int datasetSize,
            ModelMetrics metrics, List<ClassMetrics> perClass, Confusion confusion, List<EpochMetrics> history, List<HoldoutPrediction> holdout,
            String createdAt, double trainingSeconds) {
        this(version, project, parent, taskType, architecture, inputSize, labels, temperature, hyperparameters, dataFingerprint, trainingSet,
                datasetSize, metrics, perClass, confusion, history, holdout, createdAt, trainingSeconds, null, null);
    }

    /** The label each task of the training set learned, by task id in training-set order: what a data diff compares. */
    @JsonIgnore
    public Map<Long, String> trainingLabels() {
        Map<Long, String> map = new LinkedHashMap<>();
        trainingSet.forEach(e -> map.put(e.taskId(), e.label()));
        return map;
    }

    /**
     * A detector's hold-out evaluation, in the COCO style of {@code DetectionEvaluation}.
     *
     * @param map50 mAP at IoU 0.5
     * @param map50to95 mAP averaged over IoU 0.5:0.95
     * @param perClassAp50 AP at IoU 0.5 per label
     * @param precision precision at {@code scoreThreshold}
     * @param recall recall at {@code scoreThreshold}
     * @param scoreThreshold the serving score threshold precision and recall were measured at
     * @param holdoutImages images in the hold-out split
     * @param holdoutBoxes true boxes in the hold-out split
     * @param holdout per hold-out task its annotated and predicted boxes, so two versions can be compared on the tasks
     *     both held out and the predictions serve as out-of-sample evidence for label issues; empty in manifests
     *     written before it was recorded
     */
    public record DetectionSummary(
            double map50,
            @JsonProperty("map50_95") double map50to95,
            @JsonProperty("per_class_ap50") Map<String, Double> perClassAp50,
            double precision,
            double recall,
            @JsonProperty("score_threshold") double scoreThreshold,
            @JsonProperty("holdout_images") int holdoutImages,
            @JsonProperty("holdout_boxes") int holdoutBoxes,
            List<BoxHoldout> holdout) {

        public DetectionSummary {
            perClassAp50 = Map.copyOf(perClassAp50);
            holdout = holdout == null ? List.of() : List.copyOf(holdout);
        }
    }

    /**
     * A multi-label classifier's serving thresholds and ranking quality, both from its hold-out.
     *
     * @param thresholds per label, the sigmoid probability from which the tag is proposed (calibrated on the hold-out,
     *     0.5 where it had too few examples of the label)
     * @param perLabelAp per label present in the hold-out, its average precision
     */
    public record MultiLabelSummary(Map<String, Double> thresholds, @JsonProperty("per_label_ap") Map<String, Double> perLabelAp) {

        public MultiLabelSummary {
            thresholds = Map.copyOf(thresholds);
            perLabelAp = perLabelAp == null ? Map.of() : Map.copyOf(perLabelAp);
        }
    }

    /**
     * A box in percent of the image, origin top-left.
     *
     * @param score 1 for an annotated box, the detector's confidence for a predicted one
     */
    public record Box(String label, double score, double x, double y, double width, double height) {

        public Box {
            Objects.requireNonNull(label, "label");
        }
    }

    /** One hold-out task of a detector: the boxes it was annotated with and those the version predicted, most confident first. */
    public record BoxHoldout(@JsonProperty("task_id") long taskId, List<Box> truth, List<Box> predicted) {

        public BoxHoldout {
            truth = List.copyOf(truth);
            predicted = List.copyOf(predicted);
        }
    }

    /**
     * The frozen backbone under a head version, and how the run got its features.
     *
     * @param sha256 hex SHA-256 of the TorchScript file; the version is served only with this very file
     * @param file the file's name when trained, for people reading the manifest
     * @param inputSize square input edge the images were resized to
     * @param mean per-channel RGB mean of the normalisation
     * @param std per-channel RGB standard deviation of the normalisation
     * @param dimension length of a feature vector
     * @param embeddedImages images this run passed through the backbone
     * @param cachedImages images whose features this run read from the embedding cache
     */
    public record BackboneSummary(
            String sha256,
            String file,
            @JsonProperty("input_size") int inputSize,
            List<Float> mean,
            List<Float> std,
            int dimension,
            @JsonProperty("embedded_images") int embeddedImages,
            @JsonProperty("cached_images") int cachedImages) {

        public BackboneSummary {
            Objects.requireNonNull(sha256, "sha256");
            mean = List.copyOf(mean);
            std = List.copyOf(std);
        }
    }

    /** Number of labeled tasks the version learned from (its training split). */
    @JsonProperty("trained_on")
    public int trainedOn() {
        return trainingSet.size();
    }

    /** One hold-out task: its given label, the version's prediction and calibrated probabilities in label order. */
    public record HoldoutPrediction(@JsonProperty("task_id") long taskId, String given, String predicted, List<Double> probabilities) {

        public HoldoutPrediction {
            Objects.requireNonNull(given, "given");
            Objects.requireNonNull(predicted, "predicted");
            probabilities = List.copyOf(probabilities);
        }
    }

    /** One labeled task a version learned from. */
    public record TrainingExample(@JsonProperty("task_id") long taskId, String label) {

        public TrainingExample {
            Objects.requireNonNull(label, "label");
        }
    }
}
