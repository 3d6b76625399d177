package dev.flywheel.backend.workflow;

import dev.flywheel.backend.annotations.TrainingTrigger;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What a stored annotation sets off: the training queue is signalled (it decides, on its own thread, whether a run is
 * due) and the project's labelled images are prepared in the background for that run. Nothing here waits.
 */
public final class OnAnnotation implements TrainingTrigger {

    private final TrainingTrigger queue;
    private final LongConsumer prefetch;

    /** @param prefetch starts preparing a project's labelled images; must return at once */
    public OnAnnotation(TrainingTrigger queue, LongConsumer prefetch) {
        this.queue = queue;
        this.prefetch = prefetch;
    }

    @Override
    public void projectSeen(long project) {
        queue.projectSeen(project);
    }

    @Override
    public void annotationsChanged(long project) {
        prefetch.accept(project);
        queue.annotationsChanged(project);
    }

    @Override
    public Optional<String> trainNow(long project) {
        return queue.trainNow(project);
    }
}
