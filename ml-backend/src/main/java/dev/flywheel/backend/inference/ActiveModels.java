package dev.flywheel.backend.inference;

import dev.flywheel.backend.registry.ModelManifest;
import dev.flywheel.backend.registry.ModelRegistry;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each project's active classifier in memory and swaps it when the active version changes.
 *
 * <p>The version to serve is looked up on every call, so a rollback or a new version takes effect on the next
 * prediction; the old model is closed once the predictions running on it have finished.
 */
public final class ActiveModels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveModels.class);

    private final ModelRegistry registry;
    private final ActiveVersionSource activeVersions;
    private final int predictorsPerModel;
    private final Optional<Backbone> backbone;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<Long, LoadedClassifier> loaded = new ConcurrentHashMap<>();
    private final Map<Long, SharedDetector> detectors = new ConcurrentHashMap<>();

    public ActiveModels(ModelRegistry registry, ActiveVersionSource activeVersions, int predictorsPerModel) {
        this(registry, activeVersions, predictorsPerModel, Optional.empty());
    }

    /** With {@code backbone}, the configured {@code FLYWHEEL_BACKBONE} that backbone-head versions run on. */
    public ActiveModels(ModelRegistry registry, ActiveVersionSource activeVersions, int predictorsPerModel, Optional<Backbone> backbone) {
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.activeVersions = Objects.requireNonNull(activeVersions, "activeVersions");
        this.predictorsPerModel = predictorsPerModel;
    }

    /**
     * The active version's manifest, or empty before a project has a model, and when its active version is a head on
     * another backbone than the configured one: the project is then served as untrained (and logged once) until a
     * version trained on the configured backbone is active.
     */
    public Optional<ModelManifest> active(long project) {
        return activeManifest(project).filter(manifest -> {
            Optional<String> problem = BackboneHeadNet.servingProblem(manifest, backbone);
            if (problem.isPresent() && refused.add(project + "/" + manifest.version())) {
                LOG.warn("project {}: not serving: {}; predictions stay empty until a version trained on the configured backbone is active",
                        project, problem.get());
            }
            return problem.isEmpty();
        });
    }

    private Optional<ModelManifest> activeManifest(long project) {
        return activeVersions.activeVersion(project).flatMap(version -> {
            // Versions are immutable: the loaded one's manifest is the file's, without re-reading a manifest that lists
            // every training example on each /setup and /predict.
            LoadedClassifier current = loaded.get(project);
            if (current != null && current.manifest().version().equals(version)) {
                return Optional.of(current.manifest());
            }
            return registry.manifest(project, version);
        });
    }

    /** Classifies with the project's active version; empty when it has none. */
    public Optional<Classification> classify(long project, List<BufferedImage> images) {
        Optional<String> version = active(project).map(ModelManifest::version);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        LoadedClassifier classifier = acquire(project, version.get());
        try {
            List<ClassifierOutput> outputs = classifier.predict(images);
            return Optional.of(new Classification(classifier.manifest(), outputs.stream().map(ClassifierOutput::probabilities).toList(),
                    outputs.stream().map(ClassifierOutput::embedding).toList()));
        } finally {
            classifier.release();
        }
    }

    /**
     * Detects with the project's active version when it is a built-in detector; empty when the project has no active
     * version or its active version is not a detector.
     */
    public Optional<Detected> detect(long project, List<BufferedImage> images) {
        Optional<ModelManifest> manifest = active(project).filter(ModelManifest::isDetector);
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        SharedDetector detector = acquireDetector(project, manifest.get());
        try {
            return Optional.of(new Detected(detector.manifest(), detector.detector().detect(images)));
        } finally {
            detector.release();
        }
    }

    private SharedDetector acquireDetector(long project, ModelManifest manifest) {
        while (true) {
            SharedDetector current = detectors.compute(project, (key, existing) -> {
                if (existing != null && existing.manifest().version().equals(manifest.version())) {
                    return existing;
                }
                LoadedDetector fresh = LoadedDetector.load(registry.versionDir(project, manifest.version()), manifest.version(), manifest.labels(),
                        manifest.inputSize(), predictorsPerModel);
                if (existing != null) {
                    existing.release();
                }
                return new SharedDetector(manifest, fresh);
            });
            if (current.retain()) {
                return current;
            }
        }
    }

    private LoadedClassifier acquire(long project, String version) {
        while (true) {
            LoadedClassifier current = loaded.compute(project, (key, existing) -> {
                if (existing != null && existing.manifest().version().equals(version)) {
                    return existing;
                }
                ModelManifest manifest = registry.manifest(project, version)
                        .orElseThrow(() -> new IllegalStateException("active version " + version + " has no manifest"));
                LoadedClassifier fresh = LoadedClassifier.load(registry.versionDir(project, version), manifest, predictorsPerModel, backbone);
                if (existing != null) {
                    existing.close();
                }
                return fresh;
            });
            if (current.retain()) {
                return current;
            }
        }
    }

    @Override
    public void close() {
        loaded.values().forEach(LoadedClassifier::close);
        loaded.clear();
        detectors.values().forEach(SharedDetector::release);
        detectors.clear();
    }

    /**
     * Probabilities and embeddings from one version: {@code probabilities.get(i)[k]} is image i's probability of label
     * k, {@code embeddings.get(i)} its embedding.
     */
    public record Classification(ModelManifest manifest, List<float[]> probabilities, List<float[]> embeddings) {

        public Classification {
            Objects.requireNonNull(manifest, "manifest");
            probabilities = List.copyOf(probabilities);
            embeddings = List.copyOf(embeddings);
        }
    }

    /** A built-in detector version's detections, one list per image in image pixels, before thresholds and NMS. */
    public record Detected(ModelManifest manifest, List<List<Detection>> detections) {

        public Detected {
            Objects.requireNonNull(manifest, "manifest");
            detections = List.copyOf(detections);
        }
    }

    /** A loaded detector shared by concurrent predictions: closed when replaced and its last caller has finished. */
    private static final class SharedDetector {

        private final ModelManifest manifest;
        private final LoadedDetector detector;
        private final AtomicInteger references = new AtomicInteger(1);

        SharedDetector(ModelManifest manifest, LoadedDetector detector) {
            this.manifest = manifest;
            this.detector = detector;
        }

        ModelManifest manifest() {
            return manifest;
        }

        LoadedDetector detector() {
            return detector;
        }

        boolean retain() {
            int current;
            do {
                current = references.get();
                if (current == 0) {
                    return false;
                }
            } while (!references.compareAndSet(current, current + 1));
            return true;
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                detector.close();
            }
        }
    }
}
