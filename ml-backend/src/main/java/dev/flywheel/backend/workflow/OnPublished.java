package dev.flywheel.backend.workflow;

import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.training.AfterRun;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * What follows a published version, on the training worker while no run waits: the label issues are recomputed from
 * its hold-out predictions at once, then its kind's K-fold audit gathers evidence on every task and the issues are
 * recomputed from that (unless the operator turned audits off, {@code FLYWHEEL_AUDIT_FOLDS=0}).
 */
public final class OnPublished implements AfterRun {

    private final LongConsumer refreshIssues;
    private final TaskKinds kinds;
    private final AuditFiles audits;

    /** @param refreshIssues recomputes a project's label issues */
    public OnPublished(LongConsumer refreshIssues, TaskKinds kinds, AuditFiles audits) {
        this.refreshIssues = refreshIssues;
        this.kinds = kinds;
        this.audits = audits;
    }

    @Override
    public void run(ModelManifest published, BooleanSupplier cancelled) {
        refreshIssues.accept(published.project());
        audits.started(published.project(), published.version());
        if (kinds.of(published).map(kind -> kind.audit(published, cancelled)).orElse(false)) {
            refreshIssues.accept(published.project());
        }
    }
}
