package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.FetcherHarness.LEGACY_TOKEN;
import static dev.flywheel.backend.image.FetcherHarness.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCacheTest {

    @TempDir
    Path temp;

    private FetcherHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new FetcherHarness(temp);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aSecondFetchOfTheSameReferenceIsServedFromDiskWithoutARequest() {
        harness.labelStudio.enqueue(image(TestImages.png(6, 5)));
        ImageFetcher fetcher = harness.fetcher(FetchLimits.defaults(), Optional.empty(), true);

        FetchedImage first = fetcher.fetch("/data/upload/3/a.png", 1L, harness.connection(LEGACY_TOKEN));
        FetchedImage second = fetcher.fetch("/data/upload/3/a.png", 1L, harness.connection(LEGACY_TOKEN));

        assertThat(harness.labelStudio.getRequestCount()).isEqualTo(1);
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.width()).isEqualTo(6);
    }

    @Test
    void cachedFilesAreNamedByHashAndNeverContainTheToken() throws Exception {
        harness.labelStudio.enqueue(image(TestImages.png(2, 2)));
        harness.fetcher(FetchLimits.defaults(), Optional.empty(), true)
                .fetch("/data/upload/3/a.png", 1L, harness.connection(LEGACY_TOKEN));

        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .singleElement()
                    .satisfies(name -> assertThat(name).matches("[0-9a-f]{64}\\.img").doesNotContain(LEGACY_TOKEN));
        }
    }

    @Test
    void theLeastRecentlyUsedImagesAreEvictedToStayUnderTheBound() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        ImageCache cache = new ImageCache(temp, 2_500, clock);
        cache.put("a", new byte[1000]);
        clock.advance(Duration.ofMinutes(1));
        cache.put("b", new byte[1000]);
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get("a")).isPresent(); // a is now more recent than b
        clock.advance(Duration.ofMinutes(1));

        cache.put("c", new byte[1000]);

        assertThat(cache.sizeOnDisk()).isLessThanOrEqualTo(2_500);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("c")).isPresent();
    }

    @Test
    void aCacheOpenedOverAFullerFolderEvictsOnItsFirstWriteAndRewritesEvictNothing() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        ImageCache roomy = new ImageCache(temp, 10_000, clock);
        for (String key : List.of("a", "b", "c")) {
            roomy.put(key, new byte[1000]);
            clock.advance(Duration.ofMinutes(1));
        }
        // A restart with a smaller bound: the running total starts from a scan, not from zero.
        ImageCache smaller = new ImageCache(temp, 2_500, clock);

        smaller.put("d", new byte[1000]);

        assertThat(smaller.sizeOnDisk()).isLessThanOrEqualTo(2_500);
        assertThat(smaller.get("a")).isEmpty();
        assertThat(smaller.get("d")).isPresent();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            smaller.put("d", new byte[1000]);
        }
        assertThat(smaller.get("c")).as("rewriting d five times takes no more room").isPresent();
    }

    @Test
    void anImageLargerThanTheWholeCacheIsNotStored() {
        ImageCache cache = new ImageCache(temp, 100, harness.clock);

        cache.put("big", new byte[101]);

        assertThat(cache.get("big")).isEmpty();
    }

    @Test
    void aDisabledCacheStoresNothing() {
        ImageCache cache = ImageCache.disabled();

        cache.put("a", new byte[10]);

        assertThat(cache.get("a")).isEmpty();
        assertThat(ImageCache.defaultDirectory(Path.of("/home/fw"))).isEqualTo(Path.of("/home/fw/cache/images"));
    }

    @Test
    void anAnswerThatDoesNotDecodeIsNeverCachedSoTheNextFetchAsksAgain() throws Exception {
        harness.labelStudio.enqueue(image("<!doctype html><title>Sign in</title>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        harness.labelStudio.enqueue(image(TestImages.png(4, 3)));
        ImageFetcher fetcher = harness.fetcher(FetchLimits.defaults(), Optional.empty(), true);

        assertThatThrownBy(() -> fetcher.fetch("/data/upload/3/a.png", 1L, harness.connection(LEGACY_TOKEN)))
                .isInstanceOf(ImageFetchException.class);
        assertThat(cachedFiles()).as("files cached after a login page").isEmpty();
        FetchedImage second = fetcher.fetch("/data/upload/3/a.png", 1L, harness.connection(LEGACY_TOKEN));

        assertThat(second.width()).isEqualTo(4);
        assertThat(harness.labelStudio.getRequestCount()).isEqualTo(2);
        assertThat(cachedFiles()).singleElement().satisfies(file -> assertThat(file).hasBinaryContent(TestImages.png(4, 3)));
    }

    @Test
    void aCachedFileThatNoLongerDecodesIsDroppedAndFetchedAgain() throws Exception {
        byte[] png = TestImages.png(5, 5);
        harness.labelStudio.enqueue(image(png));
        harness.labelStudio.enqueue(image(png));
        ImageFetcher fetcher = harness.fetcher(FetchLimits.defaults(), Optional.empty(), true);
        fetcher.fetch("/data/upload/3/b.png", 1L, harness.connection(LEGACY_TOKEN));
        Path cached = cachedFiles().getFirst();
        Files.write(cached, java.util.Arrays.copyOf(png, png.length / 3));

        FetchedImage again = fetcher.fetch("/data/upload/3/b.png", 1L, harness.connection(LEGACY_TOKEN));

        assertThat(again.width()).isEqualTo(5);
        assertThat(harness.labelStudio.getRequestCount()).as("fetched again").isEqualTo(2);
        assertThat(cached).as("replaced by the good copy, no temp file beside it").hasBinaryContent(png);
        assertThat(cachedFiles()).hasSize(1);
        try (Stream<Path> all = Files.list(temp)) {
            assertThat(all).as("everything in the folder").hasSize(1);
        }
    }

    private List<Path> cachedFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".img")).toList();
        }
    }
}
