package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.FetcherHarness.LEGACY_TOKEN;
import static dev.flywheel.backend.image.FetcherHarness.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest extends FetcherTestBase {

    @BeforeEach
    void prepare() {
        harness.dns.map("rebound.test", "169.254.169.254").map("v6-metadata.test", "fd00:ec2::254");
    }

    private void assertRefusedBeforeConnecting(String reference) {
        assertThatThrownBy(() -> harness.fetcher().fetch(reference, 1L, harness.connection(LEGACY_TOKEN)))
                .isInstanceOfSatisfying(ImageFetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.REFUSED_ADDRESS);
                    assertThat(e.getMessage()).doesNotContain(LEGACY_TOKEN);
                });
        assertThat(harness.sockets.attempts).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://169.254.10.1/a.png",
        "http://[fe80::1]/a.png",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://0.0.0.0:8080/a.png",
        "http://[::]/a.png",
        "http://224.0.0.1/a.png",
        "http://[ff02::1]/a.png",
        "http://[::ffff:169.254.169.254]/a.png",
        "http://100.100.100.200/latest/meta-data/"
    })
    void addressLiteralsOfMetadataLinkLocalWildcardOrMulticastAreRefusedWithoutAConnection(String url) {
        assertRefusedBeforeConnecting(url);
        assertThat(harness.dns.lookups).isEmpty();
    }

    @Test
    void theGoogleMetadataNameIsRefusedWithoutEvenResolvingIt() {
        assertRefusedBeforeConnecting("http://metadata.google.internal/computeMetadata/v1/");
        assertThat(harness.dns.lookups).isEmpty();
    }

    @Test
    void aNameThatResolvesToTheMetadataAddressIsRefusedAfterLookupButBeforeConnecting() {
        assertRefusedBeforeConnecting("http://rebound.test/a.png");
        assertThat(harness.dns.lookups).contains("rebound.test");
    }

    @Test
    void aNameThatResolvesToTheIpv6MetadataAddressIsRefused() {
        assertRefusedBeforeConnecting("http://v6-metadata.test/a.png");
    }

    @Test
    void aPresignRedirectToTheMetadataAddressIsRefusedAfterTheOnlyRequestToLabelStudio() {
        harness.labelStudio.enqueue(redirect(303, "http://169.254.169.254/latest/meta-data/"));

        assertThatThrownBy(() -> harness.fetcher().fetch("s3://bucket/a.png", 3L, harness.connection(LEGACY_TOKEN)))
                .isInstanceOfSatisfying(ImageFetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.REFUSED_ADDRESS));
        assertThat(harness.labelStudio.getRequestCount()).isEqualTo(1);
        assertThat(harness.sockets.nonLoopbackAttempts()).isEmpty();
    }

    @Test
    void aRedirectToANameResolvingLinkLocalIsRefused() {
        harness.labelStudio.enqueue(redirect(302, "http://rebound.test/a.png"));

        assertThatThrownBy(() -> harness.fetcher().fetch(harness.labelStudioUrl() + "/a.png", null, null))
                .isInstanceOfSatisfying(ImageFetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(ImageFetchException.Kind.REFUSED_ADDRESS));
        assertThat(harness.sockets.nonLoopbackAttempts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.7", "172.16.0.1", "192.168.1.20", "93.184.216.34", "2001:db8::1"})
    void loopbackPrivateAndPublicAddressesStayAllowedBecauseLabelStudioLivesThere(String literal) throws Exception {
        assertThat(AddressGuard.isForbidden(InetAddress.getByName(literal))).isFalse();
    }
}
