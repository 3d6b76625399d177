package dev.flywheel.eclipse.ui.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Label Studio's media endpoints on 127.0.0.1: uploaded images at {@code /storage-data/uploaded/?filepath=…}
 * (and the older {@code /data/upload/…}) for requests carrying {@code Authorization: Token <token>} only.
 */
final class FakeLabelStudio implements AutoCloseable {

    static final String TOKEN = "ls-legacy-token-plugin-ui-tests";

    private final HttpServer server;
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    FakeLabelStudio() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int status;
            byte[] body;
            if (!("Token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                status = 401;
                body = "{\"detail\":\"Authentication credentials were not provided.\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                body = uploads.get(filepath(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery()));
                status = body == null ? 404 : 200;
                if (body == null) {
                    body = "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8);
                } else {
                    served.incrementAndGet();
                }
            }
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "image/png" : "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private static String filepath(String path, String query) {
        if (path.startsWith("/data/")) {
            return path.substring("/data/".length());
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("filepath=")) {
                    return URLDecoder.decode(pair.substring("filepath=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    /** Stores an upload and returns the reference Label Studio puts in the task's data. */
    String upload(long project, String name, byte[] png) {
        uploads.put("upload/" + project + "/" + name, png);
        return "/data/upload/" + project + "/" + name;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int imagesServed() {
        return served.get();
    }

    int refusedRequests() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
