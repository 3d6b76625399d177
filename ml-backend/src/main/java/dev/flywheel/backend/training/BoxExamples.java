package dev.flywheel.backend.training;

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
    record Loaded(List<String> labels, BoxDataset.Tasks dataset, List<DetectorTrainer.BoxExample> examples) {

        Map<Long, BoxDataset.BoxTask> perTask() {
            return dataset.perTask();
        }
    }

    /** Every annotated task's latest boxes of {@code target}'s control; images at {@code inputSize}. */
    Loaded load(long project, ServingTarget target, int inputSize) {
        List<String> labels = target.control().labelValues();
        BoxDataset.Tasks dataset = BoxDataset.of(store.annotations().trainingResults(project), target, mapper);
        Map<Long, BoxDataset.BoxTask> perTask = dataset.perTask();
        List<DatasetAssembler.LabeledTask> toLoad = perTask.values().stream()
                .map(t -> new DatasetAssembler.LabeledTask(t.taskId(), t.annotationId(), t.imageRef(), 0, t.summary()))
                .toList();
        List<DetectorTrainer.BoxExample> examples = assembler.examples(project, toLoad, new ImageTensors(inputSize)).stream()
                .map(e -> new DetectorTrainer.BoxExample(e.taskId(), e.pixels(), perTask.get(e.taskId()).boxes()))
                .toList();
        return new Loaded(labels, dataset, examples);
    }
}
