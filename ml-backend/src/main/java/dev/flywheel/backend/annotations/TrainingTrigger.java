package dev.flywheel.backend.annotations;

import java.util.Optional;

/** What the intake tells training: a project was seen, annotations changed, or a person asked for a run. */
public interface TrainingTrigger {

    /** Signals nothing and trains nothing: for an intake whose caller decides itself what follows (the backfill's). */
    TrainingTrigger NONE = new TrainingTrigger() {
        @Override
        public void projectSeen(long project) {}

        @Override
        public void annotationsChanged(long project) {}

        @Override
        public Optional<String> trainNow(long project) {
            return Optional.empty();
        }
    };

    /** A webhook named the project; the first time, its existing labels may be pulled in the background. */
    void projectSeen(long project);

    /** Annotations of the project were stored; training decides, off the caller's thread, whether they earn a run. */
    void annotationsChanged(long project);

    /** A person asked for a run (Start Training); the version it will produce, empty for an unknown project. */
    Optional<String> trainNow(long project);
}
