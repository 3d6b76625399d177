package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.FetcherHarness.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageLimitsTest extends FetcherTestBase {

    private static String dataUri(String mediaType, byte[] bytes) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static ImageFetchException.Kind kindOf(Runnable fetch) {
        try {
            fetch.run();
        } catch (ImageFetchException e) {
            return e.kind();
        }
        throw new AssertionError("expected an ImageFetchException");
    }

    @Test
    void aBase64DataUriIsDecodedWithoutAnyConnection() {
        FetchedImage fetched = harness.fetcher().fetch(dataUri("image/png", TestImages.png(7, 3)), null, null);

        assertThat(fetched.width()).isEqualTo(7);
        assertThat(fetched.height()).isEqualTo(3);
        assertThat(fetched.mediaType()).isEqualTo("image/png");
        assertThat(harness.sockets.attempts).isEmpty();
    }

    @Test
    void theMediaTypeComesFromTheBytesNotFromTheHeader() {
        FetchedImage fetched = harness.fetcher().fetch(dataUri("image/png", TestImages.jpeg(4, 4)), null, null);

        assertThat(fetched.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void aDataUriThatIsNotBase64IsUnsupported() {
        assertThat(kindOf(() -> harness.fetcher().fetch("data:image/svg+xml,<svg/>", null, null)))
                .isEqualTo(ImageFetchException.Kind.UNSUPPORTED_REFERENCE);
    }

    @Test
    void aStreamedBodyLargerThanTheCapIsRefusedWhateverItsDeclaredLength() {
        byte[] big = Arrays.copyOf(TestImages.png(8, 8), 64 * 1024);
        harness.labelStudio.enqueue(new MockResponse.Builder().code(200).chunkedBody(new Buffer().write(big), 1024).build());
        ImageFetcher fetcher = harness.fetcher(FetchLimits.defaults().withMaxBytes(16 * 1024), Optional.empty(), false);

        assertThat(kindOf(() -> fetcher.fetch(harness.labelStudioUrl() + "/big.png", null, null)))
                .isEqualTo(ImageFetchException.Kind.TOO_LARGE);
    }

    @Test
    void aDeclaredLengthAboveTheCapIsRefusedBeforeReading() {
        harness.labelStudio.enqueue(image(new byte[32 * 1024]));
        ImageFetcher fetcher = harness.fetcher(FetchLimits.defaults().withMaxBytes(16 * 1024), Optional.empty(), false);

        assertThat(kindOf(() -> fetcher.fetch(harness.labelStudioUrl() + "/big.png", null, null)))
                .isEqualTo(ImageFetchException.Kind.TOO_LARGE);
    }

    @Test
    void anOversizedDataUriIsRefused() {
        ImageFetcher fetcher = harness.fetcher(FetchLimits.defaults().withMaxBytes(1024), Optional.empty(), false);

        assertThat(kindOf(() -> fetcher.fetch(dataUri("image/png", new byte[4096]), null, null)))
                .isEqualTo(ImageFetchException.Kind.TOO_LARGE);
    }

    /**
     * 50000² is what a bomb typically claims (ImageIO itself balks above 2³¹ pixels, but with the wrong error);
     * 20000² is below ImageIO's own limit and, unguarded, makes it allocate a 1.2 GB raster.
     */
    @ParameterizedTest
    @ValueSource(ints = {50_000, 20_000})
    void aPngClaimingHugeDimensionsIsRefusedFromItsHeaderWithoutAllocatingTheRaster(int side) {
        byte[] bomb = TestImages.pngClaiming(side, side);
        harness.labelStudio.enqueue(image(bomb));
        ImageFetcher fetcher = harness.fetcher();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        ImageFetchException refused = (ImageFetchException) catchThrowable(
                () -> fetcher.fetch(harness.labelStudioUrl() + "/bomb.png", null, null));

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(bomb).hasSizeLessThan(100);
        assertThat(refused.kind()).isEqualTo(ImageFetchException.Kind.TOO_LARGE);
        assertThat(refused.getMessage()).contains(side + "x" + side);
        assertThat(allocated).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void aServerThatStallsBeyondTheReadTimeoutIsUnreachable() {
        harness.labelStudio.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS).build());
        FetchLimits impatient = new FetchLimits(1024, 1024, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(1), 0);
        ImageFetcher fetcher = harness.fetcher(impatient, Optional.empty(), false);

        ImageFetchException failure = (ImageFetchException) catchThrowable(
                () -> fetcher.fetch(harness.labelStudioUrl() + "/slow.png", null, null));

        assertThat(failure.kind()).isEqualTo(ImageFetchException.Kind.UNREACHABLE);
        assertThat(failure.getMessage()).startsWith("timed out");
    }

    @Test
    void aHostThatRefusesConnectionsIsUnreachable() {
        String url = harness.labelStudioUrl() + "/a.png";
        harness.labelStudio.close();

        assertThat(kindOf(() -> harness.fetcher().fetch(url, null, null))).isEqualTo(ImageFetchException.Kind.UNREACHABLE);
    }

    @Test
    void aTruncatedPngIsNotAnImage() {
        byte[] png = TestImages.png(64, 64);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);

        assertThat(kindOf(() -> harness.fetcher().fetch(dataUri("image/png", truncated), null, null)))
                .isEqualTo(ImageFetchException.Kind.NOT_AN_IMAGE);
    }

    @Test
    void aTruncatedJpegIsNotAnImageRatherThanGreyPixels() {
        byte[] jpeg = TestImages.jpeg(64, 64);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);

        assertThat(kindOf(() -> harness.fetcher().fetch(dataUri("image/jpeg", truncated), null, null)))
                .isEqualTo(ImageFetchException.Kind.NOT_AN_IMAGE);
    }

    @Test
    void anHtmlLoginPageIsNotAnImage() {
        harness.labelStudio.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body("<!doctype html><title>Login</title>").build());

        ImageFetchException refused = (ImageFetchException) catchThrowable(
                () -> harness.fetcher().fetch(harness.labelStudioUrl() + "/login.png", null, null));

        assertThat(refused.kind()).isEqualTo(ImageFetchException.Kind.NOT_AN_IMAGE);
        assertThat(refused.getMessage()).doesNotContain("<!doctype");
    }

    @Test
    void aJpegTakenWithTheCameraTurnedReportsTheDisplayedSize() {
        byte[] rotated = TestImages.jpegWithOrientation(8, 4, 6);

        FetchedImage fetched = harness.fetcher().fetch(dataUri("image/jpeg", rotated), null, null);

        assertThat(fetched.width()).isEqualTo(4);
        assertThat(fetched.height()).isEqualTo(8);
    }

    @Test
    void aMirroredJpegKeepsItsSize() {
        FetchedImage fetched = harness.fetcher().fetch(dataUri("image/jpeg", TestImages.jpegWithOrientation(8, 4, 2)), null, null);

        assertThat(fetched.width()).isEqualTo(8);
        assertThat(fetched.height()).isEqualTo(4);
    }

    @Test
    void aFetchedImageDescribesItselfWithoutItsBytes() {
        FetchedImage fetched = harness.fetcher().fetch(dataUri("image/png", TestImages.png(2, 2)), null, null);

        assertThat(fetched.toString()).isEqualTo("FetchedImage[image/png, 2x2, " + fetched.byteCount() + " bytes]");
        assertThat(new String(fetched.bytes(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
