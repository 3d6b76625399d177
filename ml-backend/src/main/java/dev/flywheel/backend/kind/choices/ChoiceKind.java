package dev.flywheel.backend.kind.choices;

import dev.flywheel.backend.kind.LabelIssueFindings;
import dev.flywheel.backend.kind.RunRequest;
import dev.flywheel.backend.kind.TaskKind;
import dev.flywheel.backend.labelconfig.ControlTag;
import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.Project;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A kind that answers a {@code <Choices>} on an {@code <Image>}, trained by the built-in CNN: its runs, prefetch,
 * audit and label issues are its parts'; what a version loads as, how readiness counts and how runs compare stay with
 * the kind.
 */
public abstract class ChoiceKind implements TaskKind {

    private final String name;
    private final String describe;
    private final Predicate<ControlTag> serves;
    private final ChoiceTraining training;
    private final Optional<? extends ChoiceAudit> audit;
    private final ChoiceIssues issues;

    /**
     * @param describe the tags it serves, for the message that refuses a config
     * @param serves which {@code <Choices>} controls it serves
     * @param audit the K-fold audit after each run, empty when the operator turned it off
     */
    protected ChoiceKind(String name, String describe, Predicate<ControlTag> serves, ChoiceTraining training,
            Optional<? extends ChoiceAudit> audit, ChoiceIssues issues) {
        this.name = Objects.requireNonNull(name, "name");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.serves = Objects.requireNonNull(serves, "serves");
        this.training = Objects.requireNonNull(training, "training");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.issues = Objects.requireNonNull(issues, "issues");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String describe() {
        return describe;
    }

    @Override
    public final Optional<ServingTarget> match(LabelConfig config) {
        return config.onImage("Choices", serves);
    }

    @Override
    public final boolean trainsLike(ModelManifest ready) {
        return training.trainsLike(ready);
    }

    @Override
    public final ModelManifest train(RunRequest run, Path staging, BooleanSupplier cancelled) {
        return training.train(name, run, staging, cancelled);
    }

    @Override
    public final boolean audit(ModelManifest published, BooleanSupplier cancelled) {
        audit.ifPresent(a -> a.run(published, cancelled));
        return audit.isPresent();
    }

    @Override
    public final void prefetch(Project project) {
        training.prefetch(project.id(), project.labels());
    }

    @Override
    public final LabelIssueFindings labelIssues(Project project, Optional<ModelManifest> newest) {
        return issues.find(project, newest);
    }
}
