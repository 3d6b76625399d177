package dev.flywheel.backend.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloaded image bytes on disk, one file per reference named by its SHA-256, bounded in total size.
 *
 * <p>Reads refresh a file's modification time, and a write that takes the total over the bound evicts the least
 * recently used files until it fits: LRU-ish, exact enough for a cache that only saves bandwidth. The total is kept in
 * memory between evictions, so a write does not list the folder (tens of thousands of files for a large project). Failures are logged and
 * ignored: the cache never makes a fetch fail. Files are written to a temp name, flushed to the disk and moved into
 * place, so neither a concurrent reader nor a restart after a crash sees half an image. Only bytes that decoded are
 * put here ({@link ImageFetcher} decodes first).
 */
public final class ImageCache {

    /** 1 GiB, a few thousand camera photos. */
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ImageCache.class);
    private static final String SUFFIX = ".img";

    private final Optional<Path> dir;
    private final long maxBytes;
    private final Clock clock;
    /** Bytes in the folder as of the last scan plus what was written since; -1 until the first scan. */
    private long bytesOnDisk = -1;

    /** A cache in {@code dir} (created on first write) holding at most {@code maxBytes}. */
    ImageCache(Path dir, long maxBytes, Clock clock) {
        this.dir = Optional.of(Objects.requireNonNull(dir, "dir").toAbsolutePath());
        this.maxBytes = maxBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
    }

    private ImageCache() {
        this.dir = Optional.empty();
        this.maxBytes = 0;
        this.clock = Clock.systemUTC();
    }

    /** A cache that stores nothing. */
    public static ImageCache disabled() {
        return new ImageCache();
    }

    /** The conventional location under Flywheel's home: {@code <home>/cache/images}. */
    public static Path defaultDirectory(Path flywheelHome) {
        return flywheelHome.resolve("cache").resolve("images");
    }

    Optional<byte[]> get(String key) {
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path file = fileFor(key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("image cache read failed for {}: {}", file.getFileName(), e.toString());
            return Optional.empty();
        }
    }

    void put(String key, byte[] bytes) {
        if (dir.isEmpty() || bytes.length > maxBytes) {
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(dir.get());
            temp = Files.createTempFile(dir.get(), "incoming-", ".tmp");
            // Flushed before the rename: after a power cut the name points at the whole image or at nothing.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setLastModifiedTime(temp, FileTime.from(clock.instant()));
            Path file = fileFor(key);
            long replaced = sizeIfPresent(file);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            added(bytes.length - replaced);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("image cache write failed: {}", e.toString());
            // A partial file on a full disk would hold the space that was missing and never be read.
            deleteQuietly(temp);
        }
    }

    /** Drops the cached copy of {@code key}, e.g. one that no longer decodes. */
    void remove(String key) {
        if (dir.isEmpty()) {
            return;
        }
        Path file = fileFor(key);
        long size = sizeIfPresent(file);
        try {
            if (Files.deleteIfExists(file)) {
                added(-size);
            }
        } catch (IOException e) {
            LOG.warn("could not drop the cached {}: {}", file.getFileName(), e.toString());
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not remove the partial cache file {}: {}", temp.getFileName(), e.toString());
        }
    }

    /** Total bytes of cached images now on disk. */
    long sizeOnDisk() {
        return entries().stream().mapToLong(Entry::size).sum();
    }

    private static long sizeIfPresent(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private synchronized void added(long bytes) {
        if (bytesOnDisk < 0 || bytesOnDisk + bytes > maxBytes) {
            evict();
        } else {
            bytesOnDisk += bytes;
        }
    }

    /** Rescans the folder (which also corrects the running total) and deletes the oldest files until it fits. */
    private synchronized void evict() {
        List<Entry> entries = entries();
        long total = entries.stream().mapToLong(Entry::size).sum();
        entries.sort(Comparator.comparing(Entry::modified));
        for (Entry entry : entries) {
            if (total <= maxBytes) {
                break;
            }
            try {
                Files.deleteIfExists(entry.file());
                total -= entry.size();
            } catch (IOException e) {
                LOG.warn("image cache eviction failed for {}: {}", entry.file().getFileName(), e.toString());
            }
        }
        bytesOnDisk = total;
    }

    private record Entry(Path file, long size, FileTime modified) {}

    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return entries;
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))::iterator) {
                try {
                    entries.add(new Entry(file, Files.size(file), Files.getLastModifiedTime(file)));
                } catch (NoSuchFileException e) {
                    // evicted by a concurrent writer
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private Path fileFor(String key) {
        return dir.orElseThrow().resolve(Hashing.sha256(key) + SUFFIX);
    }
}
