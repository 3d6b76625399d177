package dev.flywheel.backend.image;

import dev.flywheel.backend.config.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;

/**
 * A fake Label Studio and a fake storage host on 127.0.0.1, plus the fetcher under test wired to a fake DNS,
 * a loopback-only socket factory and a hand-moved clock.
 */
final class FetcherHarness implements AutoCloseable {

    static final String LEGACY_TOKEN = "0123456789abcdef0123456789abcdef01234567";
    static final String STORAGE_HOST = "storage.test";

    final MockWebServer labelStudio = new MockWebServer();
    final MockWebServer storage = new MockWebServer();
    final FakeDns dns = new FakeDns().map(STORAGE_HOST, "127.0.0.1");
    final LoopbackOnlySocketFactory sockets = new LoopbackOnlySocketFactory();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Path cacheDir;
    private final List<ImageFetcher> fetchers = new ArrayList<>();

    FetcherHarness(Path cacheDir) throws IOException {
        this.cacheDir = cacheDir;
        labelStudio.start(InetAddress.getByName("127.0.0.1"), 0);
        storage.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    ImageFetcher fetcher() {
        return fetcher(FetchLimits.defaults(), Optional.empty(), false);
    }

    ImageFetcher fetcher(FetchLimits limits, Optional<Path> localRoot, boolean cacheEnabled) {
        ImageCache cache = cacheEnabled ? new ImageCache(cacheDir, ImageCache.DEFAULT_MAX_BYTES, clock) : ImageCache.disabled();
        OkHttpClient base = new OkHttpClient.Builder().socketFactory(sockets).build();
        ImageFetcher fetcher = new ImageFetcher(limits, localRoot, cache, base, dns, clock);
        fetchers.add(fetcher);
        return fetcher;
    }

    String labelStudioUrl() {
        return "http://127.0.0.1:" + labelStudio.getPort();
    }

    String storageUrl(String pathAndQuery) {
        return "http://" + STORAGE_HOST + ":" + storage.getPort() + pathAndQuery;
    }

    LabelStudioConnection connection(String token) {
        return LabelStudioConnection.withToken(URI.create(labelStudioUrl()), new Secret(token));
    }

    static MockResponse image(byte[] bytes) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(new Buffer().write(bytes)).build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"detail\":\"nope\"}").build();
    }

    static MockResponse redirect(int code, String location) {
        return new MockResponse.Builder().code(code).setHeader("Location", location).build();
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** An unsigned JWT with an {@code exp} claim, shaped like Label Studio's personal access and access tokens. */
    static String jwt(String type, Instant expiry) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"token_type\":\"" + type + "\",\"exp\":" + expiry.getEpochSecond()
                + ",\"jti\":\"" + type + expiry.getEpochSecond() + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("expected a request that never arrived");
        }
        return request;
    }

    @Override
    public void close() {
        fetchers.forEach(ImageFetcher::close);
        labelStudio.close();
        storage.close();
    }
}
