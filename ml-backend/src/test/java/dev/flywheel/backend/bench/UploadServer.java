package dev.flywheel.backend.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** Label Studio's upload endpoint on 127.0.0.1: serves PNG uploads to requests with the legacy token. */
final class UploadServer implements AutoCloseable {

    static final String TOKEN = "ls-bench-token-7d2e";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger served = new AtomicInteger();

    UploadServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!("Token " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
                    return new MockResponse.Builder().code(401).build();
                }
                String filepath = request.getUrl().queryParameter("filepath");
                byte[] image = filepath == null ? null : uploads.get(filepath);
                if (!"/storage-data/uploaded/".equals(request.getUrl().encodedPath()) || image == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                served.incrementAndGet();
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(new Buffer().write(image)).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** Stores an upload and returns the reference Label Studio puts in task data. */
    String upload(long project, String name, byte[] png) {
        uploads.put("upload/" + project + "/" + name, png);
        return "/data/upload/" + project + "/" + name;
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    int served() {
        return served.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
