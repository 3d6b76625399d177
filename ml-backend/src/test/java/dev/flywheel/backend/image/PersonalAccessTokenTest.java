package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.FetcherHarness.LEGACY_TOKEN;
import static dev.flywheel.backend.image.FetcherHarness.image;
import static dev.flywheel.backend.image.FetcherHarness.json;
import static dev.flywheel.backend.image.FetcherHarness.jwt;
import static dev.flywheel.backend.image.FetcherHarness.status;
import static dev.flywheel.backend.image.FetcherHarness.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.model.json.FlywheelJson;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonalAccessTokenTest extends FetcherTestBase {

    private String pat;
    private final byte[] png = TestImages.png(3, 3);

    @BeforeEach
    void prepare() {
        pat = jwt("refresh", harness.clock.instant().plus(Duration.ofDays(30)));
    }

    private String accessToken(Duration lifetime) {
        return jwt("access", harness.clock.instant().plus(lifetime));
    }

    @Test
    void aPersonalAccessTokenIsExchangedOnceAndTheAccessTokenReusedAsBearer() throws Exception {
        String access = accessToken(Duration.ofMinutes(5));
        harness.labelStudio.enqueue(json("{\"access\":\"" + access + "\"}"));
        harness.labelStudio.enqueue(image(png));
        harness.labelStudio.enqueue(image(png));
        ImageFetcher fetcher = harness.fetcher();

        fetcher.fetch("/media/a.png", 1L, harness.connection(pat));
        fetcher.fetch("/media/b.png", 2L, harness.connection(pat));

        RecordedRequest refresh = take(harness.labelStudio);
        assertThat(refresh.getMethod()).isEqualTo("POST");
        assertThat(refresh.getUrl().encodedPath()).isEqualTo("/api/token/refresh/");
        JsonNode body = FlywheelJson.newMapper().readTree(refresh.getBody().utf8());
        assertThat(body.path("refresh").asText()).isEqualTo(pat);
        assertThat(refresh.getHeaders().get("Authorization")).isNull();
        assertThat(take(harness.labelStudio).getHeaders().get("Authorization")).isEqualTo("Bearer " + access);
        assertThat(take(harness.labelStudio).getHeaders().get("Authorization")).isEqualTo("Bearer " + access);
        assertThat(harness.labelStudio.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeTheNextFetch() throws Exception {
        String first = accessToken(Duration.ofMinutes(5));
        String second = jwt("access", harness.clock.instant().plus(Duration.ofMinutes(15)));
        harness.labelStudio.enqueue(json("{\"access\":\"" + first + "\"}"));
        harness.labelStudio.enqueue(image(png));
        harness.labelStudio.enqueue(json("{\"access\":\"" + second + "\"}"));
        harness.labelStudio.enqueue(image(png));
        ImageFetcher fetcher = harness.fetcher();

        fetcher.fetch("/media/a.png", 1L, harness.connection(pat));
        harness.clock.advance(Duration.ofMinutes(6));
        fetcher.fetch("/media/b.png", 2L, harness.connection(pat));

        assertThat(take(harness.labelStudio).getUrl().encodedPath()).isEqualTo("/api/token/refresh/");
        assertThat(take(harness.labelStudio).getHeaders().get("Authorization")).isEqualTo("Bearer " + first);
        assertThat(take(harness.labelStudio).getUrl().encodedPath()).isEqualTo("/api/token/refresh/");
        assertThat(take(harness.labelStudio).getHeaders().get("Authorization")).isEqualTo("Bearer " + second);
    }

    @Test
    void aRejectedAccessTokenIsRefreshedAndTheRequestRetriedOnce() throws Exception {
        String revoked = accessToken(Duration.ofMinutes(5));
        String fresh = jwt("access", harness.clock.instant().plus(Duration.ofMinutes(6)));
        harness.labelStudio.enqueue(json("{\"access\":\"" + revoked + "\"}"));
        harness.labelStudio.enqueue(status(401));
        harness.labelStudio.enqueue(json("{\"access\":\"" + fresh + "\"}"));
        harness.labelStudio.enqueue(image(png));

        FetchedImage fetched = harness.fetcher().fetch("/media/a.png", 1L, harness.connection(pat));

        take(harness.labelStudio);
        assertThat(take(harness.labelStudio).getHeaders().get("Authorization")).isEqualTo("Bearer " + revoked);
        assertThat(take(harness.labelStudio).getUrl().encodedPath()).isEqualTo("/api/token/refresh/");
        assertThat(take(harness.labelStudio).getHeaders().get("Authorization")).isEqualTo("Bearer " + fresh);
        assertThat(fetched.width()).isEqualTo(3);
    }

    @Test
    void aSecondRejectionIsReportedAsUnauthorizedWithoutAThirdAttemptOrTheToken() {
        String access = accessToken(Duration.ofMinutes(5));
        harness.labelStudio.enqueue(json("{\"access\":\"" + access + "\"}"));
        harness.labelStudio.enqueue(status(401));
        harness.labelStudio.enqueue(json("{\"access\":\"" + access + "\"}"));
        harness.labelStudio.enqueue(status(401));

        assertThatThrownBy(() -> harness.fetcher().fetch("/media/a.png", 1L, harness.connection(pat)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).doesNotContain(pat).doesNotContain(access);
                });
        assertThat(harness.labelStudio.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aRefusedRefreshIsUnauthorizedAndNeverEchoesThePersonalAccessToken() {
        harness.labelStudio.enqueue(status(401));

        assertThatThrownBy(() -> harness.fetcher().fetch("/media/a.png", 1L, harness.connection(pat)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).doesNotContain(pat);
                    assertThat(e.toString()).doesNotContain(pat);
                });
    }

    @Test
    void anExpiredPersonalAccessTokenFailsWithoutAnyRequest() {
        String expired = jwt("refresh", harness.clock.instant().minus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> harness.fetcher().fetch("/media/a.png", 1L, harness.connection(expired)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("expired").doesNotContain(expired);
                });
        assertThat(harness.labelStudio.getRequestCount()).isZero();
    }

    @Test
    void aLegacyTokenRejectedByLabelStudioIsUnauthorizedWithoutRefreshOrTokenInTheMessage() throws Exception {
        harness.labelStudio.enqueue(status(401));

        assertThatThrownBy(() -> harness.fetcher().fetch("/media/a.png", 1L, harness.connection(LEGACY_TOKEN)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("LABEL_STUDIO_API_KEY").doesNotContain(LEGACY_TOKEN);
                });
        assertThat(harness.labelStudio.getRequestCount()).isEqualTo(1);
        assertThat(take(harness.labelStudio).getUrl().encodedPath()).isEqualTo("/media/a.png");
    }

    @Test
    void aConnectionPrintsWithoutItsToken() {
        assertThat(harness.connection(pat).toString()).doesNotContain(pat).contains("****");
        assertThat(harness.connection(LEGACY_TOKEN).toString()).doesNotContain(LEGACY_TOKEN);
    }
}
