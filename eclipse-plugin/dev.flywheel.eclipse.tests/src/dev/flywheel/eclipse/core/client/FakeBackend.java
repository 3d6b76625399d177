package dev.flywheel.eclipse.core.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A backend double on 127.0.0.1 and a free port: it answers by method and path (query ignored) with
 * replies built from shared-model records, falls back to one default reply, and records the requests
 * the real client sent ({@code "GET /api/v1/projects?limit=1"}) with their Authorization header.
 *
 * <p>Only the client unit tests use it; the UI tests talk to the real backend ({@code ui.testing.RealBackend}).
 */
public final class FakeBackend implements AutoCloseable {

    /** One request as the backend saw it. */
    public record Recorded(String line, String authorization) {}

    private record Reply(int status, String contentType, byte[] body) {}

    private static final ObjectMapper JSON = FlywheelJson.newMapper();

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private volatile Reply fallback;

    private FakeBackend(Reply fallback) throws IOException {
        this.fallback = fallback;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            requests.add(new Recorded(method + " " + exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Reply reply = routes.getOrDefault(method + " " + exchange.getRequestURI().getPath(), this.fallback);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        });
        server.start();
    }

    /** A started backend that answers every request with {@code status} and the body {@code json}. */
    public static FakeBackend answering(int status, String json) throws IOException {
        return new FakeBackend(new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A started backend that answers unknown paths with Flywheel's 404 error body. */
    public static FakeBackend routed() throws IOException {
        return answering(404, "{\"error\":\"not_found\",\"detail\":\"No such resource.\"}");
    }

    /** Answers {@code method path} with 200 and {@code record} as JSON. */
    public FakeBackend on(String method, String path, Object record) {
        return on(method, path, 200, record);
    }

    /** Answers {@code method path} with {@code status} and {@code record} (a String is sent as is) as JSON. */
    public FakeBackend on(String method, String path, int status, Object record) {
        routes.put(method + " " + path, new Reply(status, "application/json", json(record)));
        return this;
    }

    /** Answers {@code GET path} with {@code bytes} of {@code contentType}. */
    public FakeBackend onBytes(String path, String contentType, byte[] bytes) {
        routes.put("GET " + path, new Reply(200, contentType, bytes.clone()));
        return this;
    }

    /** The base URL to give to a client. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The request lines received so far, as "METHOD /path?query". */
    public List<String> requests() {
        return requests.stream().map(Recorded::line).toList();
    }

    /** The requests received so far with their headers. */
    public List<Recorded> recorded() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] json(Object record) {
        if (record instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
