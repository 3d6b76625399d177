package dev.flywheel.backend.kind;

import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.ServingTarget;
import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.store.LabeledAnnotation;
import dev.flywheel.backend.store.Project;
import dev.flywheel.model.api.CompareReply;
import dev.flywheel.model.api.LabelIssue;
import dev.flywheel.model.labelstudio.Prediction;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A task kind that serves one control type without a network: its versions pre-label each image with an empty
 * prediction, score 0.5, and count how often they are loaded and freed; it records the audits asked of it.
 */
public class FakeKind implements TaskKind {

    private final String name;
    private final String controlType;
    public final List<FakeVersion> loaded = new ArrayList<>();
    public final List<String> audited = new ArrayList<>();
    public Optional<LoadedVersion> standIn = Optional.empty();
    public Optional<String> servingProblem = Optional.empty();

    public FakeKind(String name, String controlType) {
        this.name = name;
        this.controlType = controlType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "<" + controlType + "> (" + name + ")";
    }

    @Override
    public Optional<ServingTarget> match(LabelConfig config) {
        return config.onImage(controlType, control -> true);
    }

    @Override
    public LoadedVersion load(Path versionDir, ModelManifest manifest) {
        FakeVersion version = new FakeVersion(manifest.version());
        loaded.add(version);
        return version;
    }

    @Override
    public Optional<String> servingProblem(ModelManifest manifest) {
        return servingProblem;
    }

    @Override
    public Optional<LoadedVersion> standIn() {
        return standIn;
    }

    @Override
    public Readiness readiness(Project project, List<LabeledAnnotation> labeled) {
        return new Readiness(labeled.size(), 2);
    }

    @Override
    public ModelManifest train(RunRequest run, Path staging, BooleanSupplier cancelled) {
        throw new UnsupportedOperationException("the fake kind does not train");
    }

    @Override
    public boolean audit(ModelManifest published, BooleanSupplier cancelled) {
        audited.add(published.version());
        return true;
    }

    @Override
    public LabelIssueFindings labelIssues(Project project, Optional<ModelManifest> newest) {
        return LabelIssueFindings.NONE;
    }

    @Override
    public CompareReply compare(ModelManifest base, ModelManifest candidate) {
        throw new UnsupportedOperationException("the fake kind does not compare");
    }

    /** A version that answers an empty prediction per image and remembers whether it was freed. */
    public static class FakeVersion extends LoadedVersion {

        public boolean freed;
        public final List<Integer> batches = new ArrayList<>();

        public FakeVersion(String version) {
            super(version);
        }

        @Override
        public List<Prelabel> prelabel(ServingTarget target, List<BufferedImage> images) {
            batches.add(images.size());
            return images.stream()
                    .map(image -> new Prelabel(Prediction.of(List.of(), (double) image.getWidth(), version()), List.of("w" + image.getWidth()),
                            Optional.empty(), Optional.empty()))
                    .toList();
        }

        @Override
        protected void free() {
            freed = true;
        }
    }
}
