package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.FetcherHarness.LEGACY_TOKEN;
import static dev.flywheel.backend.image.FetcherHarness.image;
import static dev.flywheel.backend.image.FetcherHarness.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** What a slow Label Studio or storage can hold up: one fetch, for at most its one time limit, and nothing else. */
class FetchDeadlinesTest extends FetcherTestBase {

    @Test
    void oneTimeLimitCoversAFetchWithAllItsRedirects() {
        FetchLimits oneSecond = new FetchLimits(FetchLimits.DEFAULT_MAX_BYTES, FetchLimits.DEFAULT_MAX_PIXELS, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(1), 5);
        // Each hop well inside the limit, all of them together beyond it.
        for (String next : new String[] {"/b.png", "/c.png", "/d.png"}) {
            harness.labelStudio.enqueue(new MockResponse.Builder().code(302).setHeader("Location", next)
                    .headersDelay(450, TimeUnit.MILLISECONDS).build());
        }
        harness.labelStudio.enqueue(image(TestImages.png(2, 2)));
        ImageFetcher fetcher = harness.fetcher(oneSecond, Optional.empty(), false);

        assertThatThrownBy(() -> fetcher.fetch("/a.png", 1L, harness.connection(LEGACY_TOKEN)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.UNREACHABLE))
                .hasMessageContaining("timed out").hasMessageContaining("all its redirects");
    }

    @Test
    void aTokenRefreshWaitingOnLabelStudioHoldsUpNoFetchThatHasItsToken() throws Exception {
        CountDownLatch refreshArrived = new CountDownLatch(1);
        CountDownLatch releaseRefresh = new CountDownLatch(1);
        String access = jwt("access", harness.clock.instant().plus(Duration.ofMinutes(5)));
        harness.labelStudio.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getUrl().encodedPath().equals("/api/token/refresh/")) {
                    refreshArrived.countDown();
                    releaseRefresh.await(30, TimeUnit.SECONDS);
                    return FetcherHarness.json("{\"access\":\"" + access + "\"}");
                }
                return image(TestImages.png(3, 3));
            }
        });
        ImageFetcher fetcher = harness.fetcher();
        String pat = jwt("refresh", harness.clock.instant().plus(Duration.ofDays(30)));

        // Own threads: the common pool has one worker on a two-core machine, which would queue the second fetch itself.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<FetchedImage> refreshing = CompletableFuture.supplyAsync(
                () -> fetcher.fetch("/media/a.png", 1L, harness.connection(pat)), threads);
        assertThat(refreshArrived.await(10, TimeUnit.SECONDS)).as("the refresh reached Label Studio").isTrue();
        FetchedImage other = CompletableFuture.supplyAsync(() -> fetcher.fetch("/media/b.png", 2L, harness.connection(LEGACY_TOKEN)),
                threads).get(10, TimeUnit.SECONDS);

        assertThat(other.width()).isEqualTo(3);
        assertThat(refreshing).as("the refresh is still waiting on Label Studio").isNotDone();
        releaseRefresh.countDown();
        assertThat(refreshing.get(10, TimeUnit.SECONDS).width()).isEqualTo(3);
        threads.shutdown();
    }
}
