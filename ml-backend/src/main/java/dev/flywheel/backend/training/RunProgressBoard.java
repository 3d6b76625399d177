package dev.flywheel.backend.training;

import dev.flywheel.model.api.RunProgress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each running training run is, in memory only: the training worker writes an epoch's figures, the insights API
 * reads them into the model record while the run is training. A finished run's entry is removed (its history is in
 * the manifest).
 */
public final class RunProgressBoard {

    private record Key(long project, String version) {}

    private final Map<Key, RunProgress> progress = new ConcurrentHashMap<>();

    /** Records that {@code version} of {@code project} finished an epoch. */
    public void report(long project, String version, RunProgress now) {
        progress.put(new Key(project, version), now);
    }

    /** Forgets a run that ended. */
    public void clear(long project, String version) {
        progress.remove(new Key(project, version));
    }

    /** How far the run of {@code version} is, if it reported an epoch yet. */
    public Optional<RunProgress> of(long project, String version) {
        return Optional.ofNullable(progress.get(new Key(project, version)));
    }
}
