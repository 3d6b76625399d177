package dev.flywheel.backend.os;

import dev.flywheel.backend.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process per {@code FLYWHEEL_HOME}: an OS file lock on {@code flywheel.lock}, held while the backend runs.
 *
 * <p>Two processes on one home would both train, publish and switch versions in the same folders and database. The
 * kernel drops the lock with its process, however it ended, so a lock left by a killed process never blocks a restart;
 * the file itself stays and only says which process held it last.
 */
public final class HomeLock implements AutoCloseable {

    /** The lock's file name inside the home. */
    public static final String FILE = "flywheel.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock at once, or fails with a {@link ConfigException} naming the lock file and its holder. */
    public static HomeLock acquire(Path home) {
        Path file = home.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new ConfigException("FLYWHEEL_HOME", home + " is in use by another Flywheel process (" + holder + " holds the lock "
                        + file + "); stop that process or give this one another FLYWHEEL_HOME");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new HomeLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock FLYWHEEL_HOME with " + file, e);
        }
    }

    /** Null when another process, or another backend in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "a process" : text;
        } catch (IOException e) {
            return "a process";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing was locked through it.
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
