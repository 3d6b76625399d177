package dev.flywheel.backend.workflow;

import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.TrainingRun;
import dev.flywheel.backend.store.TrainingRunStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a start does about a run the previous process did not finish: the run is marked failed, its partial folder
 * removed, and a folder it published but the store never recorded removed too. The active version is never touched.
 */
public final class StartupRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StartupRecovery.class);

    private final TrainingRunStore runs;
    private final ModelRegistry registry;

    public StartupRecovery(TrainingRunStore runs, ModelRegistry registry) {
        this.runs = runs;
        this.registry = registry;
    }

    /** Cleans up after an interrupted run, if there was one, and says what it did. */
    public Recovered recover() {
        List<TrainingRun> interrupted = runs.failInterrupted("the backend stopped during this run");
        int leftovers = registry.removeStagingLeftovers();
        // A run stopped after its folder was renamed into place but before the store recorded it ready published a
        // version nothing else knows about; the active version never moved to it.
        int unrecorded = (int) interrupted.stream().filter(run -> registry.removeUnrecorded(run.projectId(), run.version())).count();
        Recovered recovered = new Recovered(interrupted.size(), leftovers, unrecorded);
        if (recovered.any()) {
            LOG.warn("recovered from an interrupted run: {} run(s) marked failed, {} partial and {} unrecorded folder(s) removed",
                    recovered.failedRuns(), recovered.partialFolders(), recovered.unrecordedFolders());
        }
        return recovered;
    }

    /** What a recovery did: runs it marked failed and folders it removed. */
    public record Recovered(int failedRuns, int partialFolders, int unrecordedFolders) {

        boolean any() {
            return failedRuns > 0 || partialFolders > 0;
        }
    }
}
