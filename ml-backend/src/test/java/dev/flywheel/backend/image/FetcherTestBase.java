package dev.flywheel.backend.image;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts a {@link FetcherHarness} on a fresh cache folder before each test and closes it after, for the fetcher tests. */
abstract class FetcherTestBase {

    @TempDir
    Path cacheDir;

    FetcherHarness harness;

    @BeforeEach
    void startHarness() throws Exception {
        harness = new FetcherHarness(cacheDir);
    }

    @AfterEach
    void stopHarness() {
        harness.close();
    }
}
