package dev.flywheel.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Work cannot starve requests: each kind of heavy work has its own bounded pool, full means 503 or wait, never a stall. */
class WorkPoolsTest {

    private final WorkPools pools = new WorkPools();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pools.close();
    }

    @Test
    void aTrainingRunAPrefetchAndAPrelabelJobThatFillTheirPoolsDelayNoPredictFetch() throws Exception {
        fill(pools.assembly);
        fill(pools.prefetch);
        fill(pools.jobFetch);

        String ranOn = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), pools.predictFetch).get(10, TimeUnit.SECONDS);

        assertThat(ranOn).startsWith("flywheel-fetch");
        assertThat(pools.assembly.getQueue().remainingCapacity()).as("the run's loads still waiting").isZero();
    }

    @Test
    void aFullPredictFetchPoolRefusesAtOnceWhichTheErrorMapperAnswers503() {
        fill(pools.predictFetch);

        assertThatThrownBy(() -> pools.predictFetch.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aFullBackgroundPoolRunsTheNextLoadOnItsOwnThreadInsteadOfQueueingWithoutBound() {
        fill(pools.assembly);
        AtomicReference<String> ranOn = new AtomicReference<>();

        pools.assembly.execute(() -> ranOn.set(Thread.currentThread().getName()));

        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(pools.assembly.getQueue()).hasSize(64);
    }

    /** Every thread of {@code pool} busy until the test ends, and its queue full. */
    private void fill(ThreadPoolExecutor pool) {
        int slots = pool.getMaximumPoolSize() + pool.getQueue().remainingCapacity();
        for (int i = 0; i < slots; i++) {
            pool.execute(this::awaitRelease);
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
