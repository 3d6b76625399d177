package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.analytics.ImageFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    @TempDir
    Path root;

    private static final ImageFeatures FEATURES = new ImageFeatures(0.2, 0.1, 48, 32, 1.5);

    @Test
    void anEntryComesBackAsItWasStoredAcrossInstances() {
        new EmbeddingCache(root, "0123456789abcdef").put(7, 42, "/data/upload/7/a.png", new EmbeddingCache.Entry(new float[] {1.5f, -2f, 0f}, FEATURES));

        EmbeddingCache.Entry read = new EmbeddingCache(root, "0123456789abcdef").get(7, 42, "/data/upload/7/a.png").orElseThrow();

        assertThat(read.embedding()).containsExactly(1.5f, -2f, 0f);
        assertThat(read.features()).isEqualTo(FEATURES);
        assertThat(new EmbeddingCache(root, "0123456789abcdef").size(7)).isEqualTo(1);
    }

    @Test
    void anotherBackboneAnotherImageOrAnotherProjectIsAMiss() {
        EmbeddingCache cache = new EmbeddingCache(root, "0123456789abcdef");
        cache.put(7, 42, "/data/upload/7/a.png", new EmbeddingCache.Entry(new float[] {1f}, null));

        assertThat(new EmbeddingCache(root, "fedcba9876543210").get(7, 42, "/data/upload/7/a.png")).isEmpty();
        assertThat(cache.get(7, 42, "/data/upload/7/b.png")).isEmpty();
        assertThat(cache.get(8, 42, "/data/upload/7/a.png")).isEmpty();
        assertThat(cache.get(7, 42, "/data/upload/7/a.png").orElseThrow().features()).isNull();
    }

    @Test
    void aTruncatedEntryIsAMissAndTheNextPutReplacesIt() throws Exception {
        EmbeddingCache cache = new EmbeddingCache(root, "0123456789abcdef");
        cache.put(7, 42, "a.png", new EmbeddingCache.Entry(new float[] {1f, 2f, 3f, 4f}, FEATURES));
        Path file;
        try (Stream<Path> files = Files.walk(root)) {
            file = files.filter(f -> f.toString().endsWith(".emb")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 10));

        assertThat(cache.get(7, 42, "a.png")).isEmpty();
        cache.put(7, 42, "a.png", new EmbeddingCache.Entry(new float[] {5f}, null));
        assertThat(cache.get(7, 42, "a.png").orElseThrow().embedding()).containsExactly(5f);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).as("no temporary file is left behind").isEmpty();
        }
    }
}
