package dev.flywheel.eclipse.core.client;

import dev.flywheel.model.api.Agreement;
import dev.flywheel.model.api.AnnotatorStats;
import dev.flywheel.model.api.BaselineEffort;
import dev.flywheel.model.api.ChangedTasks;
import dev.flywheel.model.api.ClassCount;
import dev.flywheel.model.api.ClassF1Delta;
import dev.flywheel.model.api.ClassMetrics;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.Confusion;
import dev.flywheel.model.api.DataDiff;
import dev.flywheel.model.api.DriftReport;
import dev.flywheel.model.api.DriftWindow;
import dev.flywheel.model.api.EpochMetrics;
import dev.flywheel.model.api.FlywheelReply;
import dev.flywheel.model.api.LabelIssue;
import dev.flywheel.model.api.LabelIssuesPage;
import dev.flywheel.model.api.LearningCurve;
import dev.flywheel.model.api.LearningCurvePoint;
import dev.flywheel.model.api.MetricDelta;
import dev.flywheel.model.api.ModelDetail;
import dev.flywheel.model.api.ModelMetrics;
import dev.flywheel.model.api.ModelStatus;
import dev.flywheel.model.api.ModelSummary;
import dev.flywheel.model.api.ModelsReply;
import dev.flywheel.model.api.ProjectStats;
import dev.flywheel.model.api.ProjectSummary;
import dev.flywheel.model.api.ProjectsReply;
import dev.flywheel.model.api.TaskPrediction;
import dev.flywheel.model.api.TaskSummary;
import dev.flywheel.model.api.TasksPage;
import dev.flywheel.model.api.TaskType;
import dev.flywheel.model.api.TrainReply;
import dev.flywheel.model.api.VersionSavings;
import java.util.List;
import java.util.Map;

/**
 * One cats-and-dogs classification project (id 3) with three model versions, as the insights API
 * would describe it; every record is built from shared-model types so the fake speaks the contract.
 */
public final class SampleProject {

    public static final long ID = 3;
    public static final String V1 = "v1-20261101";
    public static final String V2 = "v2-20261115";
    public static final String V3 = "v3-20261128";
    static final String BASE = "/api/v1/projects/3";

    public static final ProjectsReply PROJECTS = new ProjectsReply(List.of(
            new ProjectSummary(ID, "Cats and dogs", TaskType.IMAGE_CLASSIFICATION, List.of("cat", "dog", "bird"), 1200, 980,
                    V2, "2026-11-28T10:00:00Z"),
            new ProjectSummary(7, "Street signs", TaskType.OBJECT_DETECTION, List.of("stop"), 50, 0, null, null)));

    public static final ProjectStats STATS = new ProjectStats(1200, 940, 980, 12,
            List.of(new ClassCount("cat", 600, 0.6), new ClassCount("dog", 300, 0.3), new ClassCount("bird", 100, 0.1)), 6.0,
            List.of(new AnnotatorStats(1, 700, 4.2), new AnnotatorStats(2, 280, 7.5)), new Agreement(40, 0.85), 17);

    public static final ModelsReply MODELS = new ModelsReply(V2, List.of(
            new ModelSummary(V3, V2, ModelStatus.TRAINING, "2026-11-28T11:00:00Z", 900L, null, null),
            new ModelSummary(V2, V1, ModelStatus.READY, "2026-11-15T09:00:00Z", 700L, 95.0, new ModelMetrics(0.88, 0.84)),
            new ModelSummary(V1, null, ModelStatus.READY, "2026-11-01T09:00:00Z", 300L, 40.0, new ModelMetrics(0.75, 0.70))));

    public static final FlywheelReply FLYWHEEL = new FlywheelReply(List.of(
            new VersionSavings(V1, 400, 250, 100, 50, 0.625, 6.0),
            new VersionSavings(V2, 300, 240, 40, 20, 0.8, 3.5)), new BaselineEffort(300, 9.0));

    public static final LearningCurve CURVE = new LearningCurve(List.of(
            new LearningCurvePoint(V1, 300, 0.75, 0.70), new LearningCurvePoint(V2, 700, 0.88, 0.84)), 0.02);

    public static final DriftReport DRIFT = new DriftReport(V2, new DriftWindow("2026-11-20T00:00:00Z",
            "2026-11-28T00:00:00Z", 400), 0.31, 0.001, true, List.of());

    public static final CompareReply COMPARE = new CompareReply(V1, V2,
            List.of(new MetricDelta("accuracy", 0.75, 0.88, 0.13), new MetricDelta("macro_f1", 0.70, 0.84, 0.14),
                    new MetricDelta("loss", 0.60, 0.45, -0.15)),
            List.of(new ClassF1Delta("cat", 0.80, 0.90, 0.10), new ClassF1Delta("dog", 0.70, 0.85, 0.15),
                    new ClassF1Delta("bird", 0.60, 0.55, -0.05)),
            confusion(50, 5, 5, 8, 30, 2, 4, 3, 13), confusion(56, 2, 2, 3, 36, 1, 5, 2, 13),
            new ChangedTasks(List.of(101L, 102L, 103L), List.of(204L)), new DataDiff(400, 0, 12));

    public static final ModelDetail DETAIL_V2 = new ModelDetail(V2, V1, ModelStatus.READY, "2026-11-15T09:00:00Z", 700L, 95.0,
            new ModelMetrics(0.88, 0.84), 800L, List.of("cat", "dog", "bird"),
            List.of(new ClassMetrics("cat", 0.9, 0.9, 0.9, 60)), confusion(56, 2, 2, 3, 36, 1, 5, 2, 13), "sha256:abc",
            Map.of("epochs", 20), List.of(new EpochMetrics(1, 0.9, 0.6), new EpochMetrics(2, 0.5, 0.8)), null);

    public static final TasksPage TASKS = new TasksPage(List.of(
            new TaskSummary(11, "/data/upload/3/cat-11.png", List.of("cat"), new TaskPrediction(List.of("cat"), 0.97, V2), null),
            new TaskSummary(12, "/data/upload/3/dog-12.png", List.of("cat"), new TaskPrediction(List.of("dog"), 0.91, V2),
                    new LabelIssue(12, 120L, "cat", "dog", 0.04, 0.93))), "c2");

    public static final LabelIssuesPage ISSUES = new LabelIssuesPage(V2, List.of(
            new LabelIssue(12, 120L, "cat", "dog", 0.04, 0.93), new LabelIssue(31, 310L, "bird", "cat", 0.10, 0.71)), null);

    private SampleProject() {}

    /** Makes {@code backend} answer every insights endpoint of the project (and /health). */
    public static FakeBackend serve(FakeBackend backend) {
        return backend.on("GET", "/health", "{\"status\":\"UP\",\"model_class\":\"Flywheel\"}")
                .on("GET", "/api/v1/projects", PROJECTS)
                .on("GET", BASE + "/stats", STATS)
                .on("GET", BASE + "/models", MODELS)
                .on("GET", BASE + "/models/" + V2, DETAIL_V2)
                .on("POST", BASE + "/models/" + V1 + "/activate", DETAIL_V2)
                .on("POST", BASE + "/train", 202, new TrainReply("v4-20261129", ModelStatus.QUEUED))
                .on("GET", BASE + "/flywheel", FLYWHEEL)
                .on("GET", BASE + "/learning-curve", CURVE)
                .on("GET", BASE + "/drift", DRIFT)
                .on("GET", BASE + "/compare", COMPARE)
                .on("GET", BASE + "/tasks", TASKS)
                .on("GET", BASE + "/label-issues", ISSUES)
                .onBytes(BASE + "/tasks/11/image", "image/png", Png.TINY);
    }

    private static Confusion confusion(long... cells) {
        return new Confusion(List.of("cat", "dog", "bird"), List.of(
                List.of(cells[0], cells[1], cells[2]), List.of(cells[3], cells[4], cells[5]), List.of(cells[6], cells[7], cells[8])));
    }
}
