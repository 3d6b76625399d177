package dev.flywheel.backend.workflow;

import dev.flywheel.backend.kind.VersionHistory;
import dev.flywheel.backend.store.TrainingRun;
import dev.flywheel.backend.store.TrainingRunStore;
import dev.flywheel.model.api.ModelStatus;
import java.util.List;
import java.util.Optional;

/** The versions a project can fall back on, and the record of one that cannot be served, kept in the store. */
public final class StoredVersionHistory implements VersionHistory {

    private final TrainingRunStore runs;

    public StoredVersionHistory(TrainingRunStore runs) {
        this.runs = runs;
    }

    @Override
    public List<String> ready(long project) {
        return runs.list(project).stream().filter(r -> r.status() == ModelStatus.READY).map(TrainingRun::version).toList();
    }

    @Override
    public void broken(long project, String version, String reason, Optional<String> servingInstead) {
        runs.markUnservable(project, version, reason, servingInstead);
    }
}
