package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.FetcherHarness.LEGACY_TOKEN;
import static dev.flywheel.backend.image.FetcherHarness.image;
import static dev.flywheel.backend.image.FetcherHarness.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalFilesTest {

    @TempDir
    Path temp;

    private FetcherHarness harness;
    private Path root;
    private ImageFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        harness = new FetcherHarness(temp.resolve("cache"));
        root = Files.createDirectories(temp.resolve("root"));
        Files.createDirectories(root.resolve("folder"));
        Files.write(root.resolve("folder/photo_1.png"), TestImages.png(5, 2));
        Files.write(temp.resolve("secret.png"), TestImages.png(9, 9));
        fetcher = harness.fetcher(FetchLimits.defaults(), Optional.of(root), false);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aFileUnderTheMountedRootIsReadFromDiskWithoutAskingLabelStudio() {
        FetchedImage fetched = fetcher.fetch("/data/local-files/?d=folder/photo_1.png", 1L, harness.connection(LEGACY_TOKEN));

        assertThat(fetched.width()).isEqualTo(5);
        assertThat(fetched.height()).isEqualTo(2);
        assertThat(harness.labelStudio.getRequestCount()).isZero();
    }

    @Test
    void aFileMissingFromTheMountedRootIsAskedFromLabelStudio() throws Exception {
        harness.labelStudio.enqueue(image(TestImages.png(4, 4)));

        fetcher.fetch("/data/local-files/?d=folder/elsewhere.png", 1L, harness.connection(LEGACY_TOKEN));

        RecordedRequest request = take(harness.labelStudio);
        assertThat(request.getUrl().queryParameter("d")).isEqualTo("folder/elsewhere.png");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + LEGACY_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/data/local-files/?d=../secret.png",
        "/data/local-files/?d=folder/../../secret.png",
        "/data/local-files/?d=%2e%2e/secret.png",
        "/data/local-files/?d=folder%2F..%2F..%2Fsecret.png",
        "/data/local-files/?d=..\\secret.png",
        "/data/local-files/?d=/etc/passwd",
        "/data/local-files/?d=C:/Windows/win.ini"
    })
    void pathsThatLeaveTheRootAreRefusedAndNeverForwarded(String reference) {
        assertThatThrownBy(() -> fetcher.fetch(reference, 1L, harness.connection(LEGACY_TOKEN)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.REFUSED_PATH));
        assertThat(harness.labelStudio.getRequestCount()).isZero();
    }

    @Test
    void aSymlinkLeadingOutOfTheRootIsRefused() throws Exception {
        Files.createSymbolicLink(root.resolve("folder/link.png"), temp.resolve("secret.png"));

        assertThatThrownBy(() -> fetcher.fetch("/data/local-files/?d=folder/link.png", 1L, harness.connection(LEGACY_TOKEN)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.REFUSED_PATH));
        assertThat(harness.labelStudio.getRequestCount()).isZero();
    }

    @Test
    void aSymlinkStayingInsideTheRootIsFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("alias.png"), root.resolve("folder/photo_1.png"));

        assertThat(fetcher.fetch("/data/local-files/?d=alias.png", 1L, null).width()).isEqualTo(5);
    }
}
