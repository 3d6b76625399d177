package dev.flywheel.backend.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a version's {@link DriftReference} into its staging folder and reads it back from the published version.
 *
 * <p>References never change once published, so each is read from disk once; versions published before references
 * existed simply have none.
 */
public final class DriftReferences {

    private final ModelRegistry registry;
    private final ObjectMapper mapper;
    private final Map<Path, DriftReference> cache = new ConcurrentHashMap<>();

    public DriftReferences(ModelRegistry registry, ObjectMapper mapper) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** Writes the reference into a staging folder; {@link ModelRegistry#publish} then moves it into place with the rest. */
    public void write(Path staging, DriftReference reference) {
        try {
            Files.write(staging.resolve(DriftReference.FILE_NAME), mapper.writeValueAsBytes(reference));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the drift reference of " + reference.version(), e);
        }
    }

    /** The published version's reference, or empty when the version or its reference does not exist. */
    public Optional<DriftReference> read(long project, String version) {
        if (registry.manifest(project, version).isEmpty()) {
            return Optional.empty();
        }
        Path file = registry.versionDir(project, version).resolve(DriftReference.FILE_NAME);
        DriftReference cached = cache.get(file);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            DriftReference read = mapper.readValue(file.toFile(), DriftReference.class);
            cache.put(file, read);
            return Optional.of(read);
        } catch (IOException e) {
            throw new UncheckedIOException("the drift reference of " + version + " cannot be read", e);
        }
    }
}
