package dev.flywheel.backend.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Out-of-fold probabilities (classifiers) or boxes (detectors) from a version's cross-validation audit, one file per version beside the model folders,
 * written atomically (the audit runs after the version is published, which stays immutable).
 */
public final class AuditFiles {

    private final Path root;
    private final ObjectMapper mapper;
    // When each audit of this process started, and the times of written audits already looked up.
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Times> written = new ConcurrentHashMap<>();

    public AuditFiles(Path root, ObjectMapper mapper) {
        this.root = Objects.requireNonNull(root, "root");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Notes that the audit of {@code version} starts now, so the label issues can say since when it runs. */
    public void started(long project, String version) {
        started.put(key(project, version), Instant.now());
    }

    public void write(Audit audit) {
        Path file = file(audit.project(), audit.version());
        Instant start = started.get(key(audit.project(), audit.version()));
        Audit stamped = new Audit(audit.project(), audit.version(), audit.folds(), audit.labels(), audit.probabilities(), audit.boxes(),
                start == null ? null : start.toString());
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".audit-", ".json");
            Files.write(temp, mapper.writeValueAsBytes(stamped));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit of " + audit.version(), e);
        }
    }

    /** Whether the audit of {@code version} is written, without reading it. */
    public boolean exists(long project, String version) {
        return Files.isRegularFile(file(project, version));
    }

    /** When the audit of {@code version} started and was written, as far as known. */
    public Times times(long project, String version) {
        String key = key(project, version);
        Times known = written.get(key);
        if (known != null) {
            return known;
        }
        Path file = file(project, version);
        Optional<Instant> start = Optional.ofNullable(started.get(key));
        if (!Files.isRegularFile(file)) {
            return new Times(start, Optional.empty());
        }
        try {
            Instant finished = Files.getLastModifiedTime(file).toInstant();
            Optional<Instant> recorded = start.isPresent() ? start
                    : read(project, version).map(Audit::startedAt).map(Instant::parse);
            Times times = new Times(recorded, Optional.of(finished));
            written.put(key, times);
            return times;
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return new Times(start, Optional.empty());
        }
    }

    private static String key(long project, String version) {
        return project + "/" + version;
    }

    /** When an audit started and when it was written; empty where unknown or not yet. */
    public record Times(Optional<Instant> started, Optional<Instant> finished) {}

    public Optional<Audit> read(long project, String version) {
        Path file = file(project, version);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), Audit.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path file(long project, String version) {
        if (!version.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("not a valid version name: " + version);
        }
        return root.resolve(Long.toString(project)).resolve(version + ".json");
    }

    /**
     * One audit: K-fold out-of-fold probabilities per task, in the order of {@code labels}, or for a detector the
     * boxes each task's fold model predicted.
     *
     * @param folds how many folds the examples were split into
     * @param probabilities task id → probabilities from the fold model that did not see the task; empty for a detector
     * @param boxes task id → boxes the fold model that did not see the task predicted, most confident first; empty
     *     for a classifier
     */
    public record Audit(long project, String version, int folds, List<String> labels,
            @JsonProperty("probabilities") Map<Long, List<Double>> probabilities,
            @JsonProperty("boxes") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Long, List<ModelManifest.Box>> boxes,
            @JsonProperty("started_at") @JsonInclude(JsonInclude.Include.NON_NULL) String startedAt) {

        public Audit {
            labels = List.copyOf(labels);
            probabilities = probabilities == null ? Map.of() : Map.copyOf(probabilities);
            boxes = boxes == null ? Map.of() : Map.copyOf(boxes);
        }

        /** A classifier's audit. */
        public Audit(long project, String version, int folds, List<String> labels, Map<Long, List<Double>> probabilities) {
            this(project, version, folds, labels, probabilities, Map.of(), null);
        }

        /** An audit with probabilities or boxes; {@link AuditFiles#write} records when it started. */
        public Audit(long project, String version, int folds, List<String> labels, Map<Long, List<Double>> probabilities,
                Map<Long, List<ModelManifest.Box>> boxes) {
            this(project, version, folds, labels, probabilities, boxes, null);
        }
    }
}
