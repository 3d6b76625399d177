package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.FetcherHarness.LEGACY_TOKEN;
import static dev.flywheel.backend.image.FetcherHarness.image;
import static dev.flywheel.backend.image.FetcherHarness.redirect;
import static dev.flywheel.backend.image.FetcherHarness.status;
import static dev.flywheel.backend.image.FetcherHarness.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.model.json.FlywheelJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class LabelStudioReferenceFormsTest extends FetcherTestBase {

    private final byte[] png = TestImages.png(6, 4);

    @Test
    void anUploadFromThePredictFixtureIsReadFromStorageDataWithTheLegacyToken() throws Exception {
        String reference = fixtureImageReference();
        harness.labelStudio.enqueue(image(png));

        FetchedImage fetched = harness.fetcher().fetch(reference, 1L, harness.connection(LEGACY_TOKEN));

        RecordedRequest request = take(harness.labelStudio);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/storage-data/uploaded/");
        assertThat(request.getUrl().queryParameter("filepath")).isEqualTo("upload/3/2bd44c48-IMG_1842.JPG");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + LEGACY_TOKEN);
        assertThat(fetched.width()).isEqualTo(6);
        assertThat(fetched.height()).isEqualTo(4);
        assertThat(fetched.mediaType()).isEqualTo("image/png");
    }

    @Test
    void anUploadFallsBackToDataUploadWhenStorageDataAnswersAnError() throws Exception {
        harness.labelStudio.enqueue(status(404));
        harness.labelStudio.enqueue(image(png));

        FetchedImage fetched = harness.fetcher().fetch("/data/upload/3/photo.png", 1L, harness.connection(LEGACY_TOKEN));

        assertThat(take(harness.labelStudio).getUrl().encodedPath()).isEqualTo("/storage-data/uploaded/");
        RecordedRequest fallback = take(harness.labelStudio);
        assertThat(fallback.getUrl().encodedPath()).isEqualTo("/data/upload/3/photo.png");
        assertThat(fallback.getHeaders().get("Authorization")).isEqualTo("Token " + LEGACY_TOKEN);
        assertThat(fetched.width()).isEqualTo(6);
    }

    @Test
    void anUploadWithoutTheDataPrefixIsReadTheSameWay() throws Exception {
        harness.labelStudio.enqueue(image(png));

        harness.fetcher().fetch("upload/3/photo.png", null, harness.connection(LEGACY_TOKEN));

        assertThat(take(harness.labelStudio).getUrl().queryParameter("filepath")).isEqualTo("upload/3/photo.png");
    }

    @Test
    void aLabelStudioUrlWithAPathPrefixKeepsThePrefix() throws Exception {
        harness.labelStudio.enqueue(image(png));
        LabelStudioConnection prefixed = LabelStudioConnection.anonymous(URI.create(harness.labelStudioUrl() + "/ls/"));

        harness.fetcher().fetch("/data/upload/3/photo.png", null, prefixed);

        RecordedRequest request = take(harness.labelStudio);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/ls/storage-data/uploaded/");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aLocalStorageFileIsAskedFromLabelStudioWhenNoRootIsMounted() throws Exception {
        harness.labelStudio.enqueue(image(png));

        harness.fetcher().fetch("/data/local-files/?d=folder/photo_1.png", null, harness.connection(LEGACY_TOKEN));

        RecordedRequest request = take(harness.labelStudio);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/data/local-files/");
        assertThat(request.getUrl().queryParameter("d")).isEqualTo("folder/photo_1.png");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + LEGACY_TOKEN);
    }

    @Test
    void anAbsoluteUrlOnLabelStudioCarriesTheToken() throws Exception {
        harness.labelStudio.enqueue(image(png));

        harness.fetcher().fetch(harness.labelStudioUrl() + "/data/upload/42/photo_1.png", null, harness.connection(LEGACY_TOKEN));

        RecordedRequest request = take(harness.labelStudio);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/data/upload/42/photo_1.png");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + LEGACY_TOKEN);
    }

    @Test
    void anAbsoluteUrlOnAnotherHostGetsNoToken() throws Exception {
        harness.storage.enqueue(image(png));

        harness.fetcher().fetch(harness.storageUrl("/photo_1.png"), null, harness.connection(LEGACY_TOKEN));

        RecordedRequest request = take(harness.storage);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/photo_1.png");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aCloudUriIsPresignedByLabelStudioAndTheStorageHostNeverSeesTheToken() throws Exception {
        String presigned = harness.storageUrl("/bucket/prefix/photo_1.png?X-Amz-Signature=abc&X-Amz-Expires=60");
        harness.labelStudio.enqueue(redirect(303, presigned));
        harness.storage.enqueue(image(png));

        FetchedImage fetched = harness.fetcher().fetch("s3://bucket/prefix/photo_1.png", 7L, harness.connection(LEGACY_TOKEN));

        RecordedRequest presign = take(harness.labelStudio);
        assertThat(presign.getUrl().encodedPath()).isEqualTo("/tasks/7/presign/");
        String fileUri = presign.getUrl().queryParameter("fileuri");
        assertThat(new String(Base64.getUrlDecoder().decode(fileUri), StandardCharsets.UTF_8)).isEqualTo("s3://bucket/prefix/photo_1.png");
        assertThat(presign.getHeaders().get("Authorization")).isEqualTo("Token " + LEGACY_TOKEN);
        RecordedRequest download = take(harness.storage);
        assertThat(download.getUrl().queryParameter("X-Amz-Signature")).isEqualTo("abc");
        assertThat(download.getHeaders().get("Authorization")).isNull();
        assertThat(fetched.width()).isEqualTo(6);
    }

    @Test
    void gcsAndAzureUrisUseTheSamePresignEndpoint() throws Exception {
        harness.labelStudio.enqueue(image(png));
        harness.labelStudio.enqueue(image(png));

        harness.fetcher().fetch("gs://bucket/a.png", 8L, harness.connection(LEGACY_TOKEN));
        harness.fetcher().fetch("azure-blob://container/a.png", 9L, harness.connection(LEGACY_TOKEN));

        assertThat(take(harness.labelStudio).getUrl().encodedPath()).isEqualTo("/tasks/8/presign/");
        assertThat(take(harness.labelStudio).getUrl().encodedPath()).isEqualTo("/tasks/9/presign/");
    }

    @Test
    void aCloudUriWithoutTaskIdCannotBePresigned() {
        assertThatThrownBy(() -> harness.fetcher().fetch("s3://bucket/a.png", null, harness.connection(LEGACY_TOKEN)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.NOT_CONFIGURED));
        assertThat(harness.labelStudio.getRequestCount()).isZero();
    }

    @Test
    void aLabelStudioPathWithoutAConnectionIsNotConfigured() {
        assertThatThrownBy(() -> harness.fetcher().fetch("/data/upload/3/a.png", 1L, null))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("LABEL_STUDIO_URL");
                });
    }

    @Test
    void redirectsAreFollowedOnlyUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            harness.labelStudio.enqueue(redirect(302, harness.labelStudioUrl() + "/loop/" + i));
        }
        ImageFetcher fetcher = harness.fetcher(FetchLimits.defaults().withMaxRedirects(2), Optional.empty(), false);

        assertThatThrownBy(() -> fetcher.fetch(harness.labelStudioUrl() + "/start.png", null, null))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.TOO_MANY_REDIRECTS));
        assertThat(harness.labelStudio.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aMissingImageIsNotFound() {
        harness.labelStudio.enqueue(status(404));

        assertThatThrownBy(() -> harness.fetcher().fetch(harness.labelStudioUrl() + "/missing.png", null, null))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.NOT_FOUND));
    }

    @Test
    void fileAndOtherSchemesAreRefusedWithoutAnyRequest() {
        for (String reference : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/a.png", "//127.0.0.1/a.png", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> harness.fetcher().fetch(reference, 1L, harness.connection(LEGACY_TOKEN)))
                    .isInstanceOfSatisfying(ImageFetchException.class,
                            e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.UNSUPPORTED_REFERENCE));
        }
        assertThat(harness.sockets.attempts).isEmpty();
    }

    @Test
    void aRedirectToAFileUrlIsRefused() {
        harness.labelStudio.enqueue(redirect(302, "file:///etc/passwd"));

        assertThatThrownBy(() -> harness.fetcher().fetch(harness.labelStudioUrl() + "/a.png", null, null))
                .isInstanceOfSatisfying(ImageFetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.UNSUPPORTED_REFERENCE));
    }

    private static String fixtureImageReference() throws Exception {
        JsonNode request = new dev.flywheel.fixtures.LabelStudioFixtures().json("predict-request-batch-image-upload-url.json");
        return request.path("tasks").path(0).path("data").path("image").asText();
    }
}
