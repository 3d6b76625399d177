package dev.flywheel.backend.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small file system (tmpfs) mounted over a test folder, and a ballast file that fills it: the disk-full faults
 * of the suite happen in the kernel, not in a fake. Mounting needs root (CI runs as root); elsewhere the test is
 * skipped with the reason.
 */
final class SmallDisk implements AutoCloseable {

    private static final int PAGE = 4096;

    private final Path mountPoint;
    private final Path ballast;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.ballast = mountPoint.resolve("ballast.bin");
    }

    /** Mounts a tmpfs of {@code bytes} over {@code dir} (created when missing), or skips the test when not permitted. */
    static SmallDisk mount(Path dir, long bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700", "tmpfs", dir.toString());
        Assumptions.assumeTrue(mounted.exit() == 0,
                () -> "skipped: mounting a small tmpfs for the disk-full test needs root and CAP_SYS_ADMIN; mount said: " + mounted.output());
        return new SmallDisk(dir);
    }

    /** Fills the file system with the ballast until the kernel says ENOSPC, then frees {@code leaveBytes} (whole pages). */
    void fill(long leaveBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(ballast, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer chunk = ByteBuffer.allocate(256 * 1024);
            for (int size = chunk.capacity(); size >= PAGE; size /= 2) {
                try {
                    while (true) {
                        channel.write(chunk.clear().limit(size));
                    }
                } catch (IOException full) {
                    // ENOSPC for this chunk size: go on with smaller ones until not even a page fits.
                }
            }
            long pages = (leaveBytes + PAGE - 1) / PAGE;
            channel.truncate(Math.max(0, channel.size() - pages * PAGE));
        }
    }

    /** Bytes a new file could still take. */
    long usable() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Deletes the ballast: the disk has room again. */
    void free() throws IOException {
        Files.deleteIfExists(ballast);
    }

    /** Unmounts (lazily when something still holds a file open); always safe to call. */
    @Override
    public void close() throws IOException {
        free();
        try {
            if (run("umount", mountPoint.toString()).exit() != 0) {
                run("umount", "-l", mountPoint.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + mountPoint, e);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
