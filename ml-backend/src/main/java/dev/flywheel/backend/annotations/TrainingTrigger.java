package dev.flywheel.backend.annotations;

/** What the intake tells training: annotations changed, or a person asked for a run. */
public interface TrainingTrigger {

    void annotationsChanged(long project);

    void trainNow(long project);
}
