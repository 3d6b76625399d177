package dev.flywheel.backend.annotations;

/** What the intake tells training: a project was seen, annotations changed, or a person asked for a run. */
public interface TrainingTrigger {

    /** A webhook named the project; the first time, its existing labels may be pulled in the background. */
    default void projectSeen(long project) {}

    void annotationsChanged(long project);

    void trainNow(long project);
}
