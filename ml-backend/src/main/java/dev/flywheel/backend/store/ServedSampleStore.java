package dev.flywheel.backend.store;

import java.util.List;
import java.util.Optional;

/** The recent images {@code /predict} served, per project and version, kept within a fixed bound per project. */
public interface ServedSampleStore {

    /** Each project keeps at most this many samples, the newest. */
    int MAX_PER_PROJECT = 2_000;

    /** Appends a batch in one transaction, then drops the oldest samples of its projects beyond the bound. */
    void recordAll(List<ServedSample> samples);

    /** The newest {@code limit} samples the version served in the project, oldest first. */
    List<ServedSample> recent(long projectId, String modelVersion, int limit);

    /** How many samples the version served and when, without reading them; empty when it served none. */
    Optional<ServedWindow> window(long projectId, String modelVersion);
}
