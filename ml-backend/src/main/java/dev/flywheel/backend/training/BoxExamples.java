package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.LabeledBox;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.inference.ImageTensors;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.store.FlywheelStore;
import java.util.List;
import java.util.Map;

/** Loads a detection project's annotated images and boxes, as the training run and the detector audit both need them. */
final class BoxExamples {

    private final FlywheelStore store;
    private final DatasetAssembler assembler;
    private final ObjectMapper mapper;

    BoxExamples(FlywheelStore store, DatasetAssembler assembler, ObjectMapper mapper) {
        this.store = store;
        this.assembler = assembler;
        this.mapper = mapper;
    }

    /** What was loaded: the control's labels, the boxes per task (with the note of what was ignored) and the images. */
    record Loaded(List<String> labels, BoxDataset.Tasks dataset, List<DetectorTrainer.BoxExample> examples, int inputSize,
            double[] imageEdges) {

        Map<Long, BoxDataset.BoxTask> perTask() {
            return dataset.perTask();
        }
    }

    /** Every annotated task's latest boxes of {@code target}'s control; images at {@code inputSize}. */
    Loaded load(long project, ServingTarget target, int inputSize) {
        return load(project, target, BoxDataset.of(store.annotations().trainingResults(project), target, mapper), inputSize);
    }

    /**
     * Like {@link #load(long, ServingTarget, int)}, at the input edge {@link DetectorPlan#inputFor} chooses for the boxes
     * and, once the images are read, their size (a smaller edge than planned when the images are smaller).
     */
    Loaded loadPlanned(long project, ServingTarget target) {
        BoxDataset.Tasks dataset = BoxDataset.of(store.annotations().trainingResults(project), target, mapper);
        List<LabeledBox> boxes = dataset.perTask().values().stream().flatMap(t -> t.boxes().stream()).toList();
        Loaded planned = load(project, target, dataset, DetectorPlan.inputFor(boxes, 0));
        double edge = DetectorPlan.median(planned.imageEdges());
        int fitted = DetectorPlan.inputFor(boxes, edge);
        return fitted == planned.inputSize() ? planned : load(project, target, dataset, fitted);
    }

    private Loaded load(long project, ServingTarget target, BoxDataset.Tasks dataset, int inputSize) {
        List<String> labels = target.control().labelValues();
        Map<Long, BoxDataset.BoxTask> perTask = dataset.perTask();
        List<DatasetAssembler.LabeledTask> toLoad = perTask.values().stream()
                .map(t -> new DatasetAssembler.LabeledTask(t.taskId(), t.annotationId(), t.imageRef(), 0, t.summary()))
                .toList();
        List<Example> loaded = assembler.examples(project, toLoad, new ImageTensors(inputSize));
        List<DetectorTrainer.BoxExample> examples = loaded.stream()
                .map(e -> new DetectorTrainer.BoxExample(e.taskId(), e.pixels(), perTask.get(e.taskId()).boxes()))
                .toList();
        double[] edges = loaded.stream().filter(e -> e.features() != null)
                .mapToDouble(e -> Math.max(e.features().width(), e.features().height())).toArray();
        return new Loaded(labels, dataset, examples, inputSize, edges);
    }
}
