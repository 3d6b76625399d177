package dev.flywheel.backend.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.cache.LeastRecentlyUsed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model versions on disk: {@code <root>/<project>/<version>/} holding {@code manifest.json} and the parameters.
 *
 * <p>A version is written into a hidden staging folder and renamed into place in one atomic move, so a folder with a
 * manifest is always complete; staging folders left by a crash are removed at start.
 */
public final class ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    static final String MANIFEST = "manifest.json";
    private static final String STAGING_PREFIX = ".staging-";
    private static final int MANIFEST_CACHE_ENTRIES = 64;
    private static final Pattern SAFE_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path root;
    private final ObjectMapper mapper;
    // Versions are immutable once published, so a parsed manifest stays true. Parsing one (it lists every training
    // example and hold-out prediction) on each model-list poll took CPU from training while a run was going on.
    private final LeastRecentlyUsed<String, ModelManifest> parsed = new LeastRecentlyUsed<>(MANIFEST_CACHE_ENTRIES);

    public ModelRegistry(Path root, ObjectMapper mapper) {
        this.root = Objects.requireNonNull(root, "root");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** A fresh staging folder to write a new version's parameters into before {@link #publish}. */
    public Path stage(long project, String version) {
        requireSafe(version);
        try {
            Path projectDir = Files.createDirectories(projectDir(project));
            return Files.createTempDirectory(projectDir, STAGING_PREFIX + version + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a staging folder for " + version, e);
        }
    }

    /**
     * Flushes every file the run wrote, writes the manifest, flushes it and moves the folder into place atomically.
     *
     * <p>Everything is forced to disk before the rename: on a file system with delayed allocation a full disk shows up
     * only at {@code fsync}, and a version folder must never appear with parameters that were not really written. When
     * the manifest cannot be written completely it is removed again, so no half-written manifest stays behind.
     */
    public Path publish(Path staging, ModelManifest manifest) {
        Path target = versionDir(manifest.project(), manifest.version());
        Path manifestFile = staging.resolve(MANIFEST);
        try {
            if (Files.exists(target)) {
                throw new IllegalStateException("version " + manifest.version() + " exists already and versions are immutable");
            }
            try (Stream<Path> written = Files.list(staging)) {
                for (Path file : written.filter(Files::isRegularFile).toList()) {
                    fsync(file);
                }
            }
            Files.write(manifestFile, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            fsync(manifestFile);
            fsyncDirectory(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            // The rename itself is durable only once the folder that holds it is flushed.
            fsyncDirectory(target.getParent());
            return target;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the model folder's file system cannot rename atomically", e);
        } catch (IOException e) {
            deleteQuietly(manifestFile);
            throw new UncheckedIOException("could not publish version " + manifest.version() + " (see the log)", e);
        }
    }

    /**
     * Removes a staging folder after a failed run. Never throws: the run's failure is what the caller must record, and
     * a folder that cannot be removed now (a full or failing disk) is removed at the next start.
     */
    public void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (RuntimeException e) {
            LOG.warn("could not remove the staging folder {}; it is removed at the next start: {}", staging.getFileName(), e.getMessage());
        }
    }

    public Optional<ModelManifest> manifest(long project, String version) {
        if (!SAFE_VERSION.matcher(version).matches()) {
            return Optional.empty();
        }
        String key = project + "/" + version;
        ModelManifest known = parsed.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Path file = versionDir(project, version).resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ModelManifest manifest = mapper.readValue(file.toFile(), ModelManifest.class);
            parsed.put(key, manifest);
            return Optional.of(manifest);
        } catch (IOException e) {
            // A damaged manifest makes the folder no version: what serves it marks it failed, listings skip it.
            LOG.warn("the manifest {} cannot be read ({}); version {} is not offered", file, e.getClass().getSimpleName(), version);
            return Optional.empty();
        }
    }

    /** Every complete version of a project, newest first. */
    public List<ModelManifest> versions(long project) {
        List<ModelManifest> result = new ArrayList<>();
        Path dir = projectDir(project);
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".")) {
                    manifest(project, name).ifPresent(result::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list versions of project " + project, e);
        }
        result.sort(Comparator.comparing((ModelManifest m) -> java.time.Instant.parse(m.createdAt())).reversed());
        return result;
    }

    /** Every complete version name of every project, newest first, for Label Studio's {@code /versions}. */
    public List<String> allVersionNames() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> projects = Files.list(root)) {
            return projects.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .flatMap(name -> versions(Long.parseLong(name)).stream())
                    .sorted(Comparator.comparing((ModelManifest m) -> java.time.Instant.parse(m.createdAt())).reversed())
                    .map(ModelManifest::version)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the model folder", e);
        }
    }

    public Path versionDir(long project, String version) {
        requireSafe(version);
        return projectDir(project).resolve(version);
    }

    /**
     * Removes the folder of a version whose run never recorded it ready: a crash between the atomic rename and the
     * store's commit leaves a complete folder that no run vouches for, which must not be listed as a version. The
     * folder is first renamed to a staging name, so listings never see it half deleted. Answers whether one existed.
     */
    public boolean removeUnrecorded(long project, String version) {
        Path dir = versionDir(project, version);
        if (!Files.isDirectory(dir)) {
            return false;
        }
        Path doomed = projectDir(project).resolve(STAGING_PREFIX + version + "-unrecorded");
        try {
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the unrecorded version " + version, e);
        }
        parsed.remove(project + "/" + version);
        discard(doomed);
        return true;
    }

    /** Removes staging folders a crash left behind; returns how many. */
    public int removeStagingLeftovers() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> projects = Files.list(root)) {
            for (Path project : projects.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(project)) {
                    for (Path staging : entries.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                        deleteTree(staging);
                        removed++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean the model folder", e);
        }
        return removed;
    }

    private Path projectDir(long project) {
        return root.resolve(Long.toString(project));
    }

    private static void requireSafe(String version) {
        if (!SAFE_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a valid version name: " + version);
        }
    }

    private static void fsync(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a folder's entries (new files, renames) to disk; where a platform cannot open a folder, does nothing. */
    private static void fsyncDirectory(Path dir) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not remove the partial {}: {}", file.getFileName(), e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
