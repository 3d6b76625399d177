package dev.flywheel.backend.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    @Test
    void aWorkerThreadRunsItsTasksAtTheNiceValueItWasMadeWithWhileTheCallerKeepsItsOwn() throws Exception {
        Assumptions.assumeTrue(WorkerThreads.prioritised(), "thread priorities are set on Linux with glibc only");
        int callerBefore = niceOfCurrentThread();
        ExecutorService pool = Executors.newSingleThreadExecutor(WorkerThreads.named("flywheel-test", callerBefore + 7));
        try {
            CompletableFuture<Integer> seen = CompletableFuture.supplyAsync(WorkerThreadsTest::niceOfCurrentThread, pool);
            CompletableFuture<String> name = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), pool);

            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(Math.min(19, callerBefore + 7));
            assertThat(name.get(10, TimeUnit.SECONDS)).isEqualTo("flywheel-test-1");
            assertThat(niceOfCurrentThread()).isEqualTo(callerBefore);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Field 19 of /proc/thread-self/stat, after the command name in parentheses (which may hold spaces). */
    private static int niceOfCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
