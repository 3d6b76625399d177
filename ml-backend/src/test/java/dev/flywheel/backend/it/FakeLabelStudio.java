package dev.flywheel.backend.it;

import java.util.ArrayList;
import java.util.Random;
import dev.flywheel.fixtures.Tasks;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Label Studio on loopback: serves uploaded images at {@code /storage-data/uploaded/} and the labelled tasks of a
 * project at {@code /api/projects/{id}/export} to requests carrying the legacy token, and counts what it refused.
 */
final class FakeLabelStudio implements AutoCloseable {

    static final String TOKEN = "ls-legacy-token-4f1c2a9b";
    private static final Pattern EXPORT = Pattern.compile("/api/projects/(\\d+)/export/?");
    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();

    private final MockWebServer server = new MockWebServer();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final Map<Long, List<Object>> labelled = new ConcurrentHashMap<>();
    private final Queue<Integer> exportFailures = new ConcurrentLinkedQueue<>();
    private final List<String> exportAuthorizations = new CopyOnWriteArrayList<>();

    FakeLabelStudio() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!("Token " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
                    unauthorized.incrementAndGet();
                    return new MockResponse.Builder().code(401).body("{\"detail\":\"Authentication credentials were not provided.\"}").build();
                }
                if ("/api/current-user/whoami/".equals(request.getUrl().encodedPath())) {
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                            .body("{\"id\":1,\"email\":\"admin@example.com\",\"username\":\"admin\"}").build();
                }
                Matcher export = EXPORT.matcher(request.getUrl().encodedPath());
                if (export.matches()) {
                    return export(Long.parseLong(export.group(1)), request);
                }
                String filepath = request.getUrl().queryParameter("filepath");
                byte[] image = filepath == null ? null : uploads.get(filepath);
                if (!"/storage-data/uploaded/".equals(request.getUrl().encodedPath()) || image == null) {
                    return new MockResponse.Builder().code(404).body("{\"detail\":\"Not found.\"}").build();
                }
                served.incrementAndGet();
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(new Buffer().write(image)).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private MockResponse export(long project, RecordedRequest request) {
        exportAuthorizations.add(request.getHeaders().get("Authorization"));
        Integer failure = exportFailures.poll();
        if (failure != null) {
            return new MockResponse.Builder().code(failure).body("{\"detail\":\"failing on purpose\"}").build();
        }
        try {
            String body = MAPPER.writeValueAsString(labelled.getOrDefault(project, List.of()));
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A task of the project that was labelled in Label Studio before Flywheel was connected; appears in the export. */
    void labelled(long project, Task task, Annotation annotation) {
        Map<String, Object> exported = MAPPER.convertValue(task, new TypeReference<Map<String, Object>>() {});
        exported.put("annotations", List.of(MAPPER.convertValue(annotation, new TypeReference<Map<String, Object>>() {})));
        labelled.computeIfAbsent(project, p -> new CopyOnWriteArrayList<>()).add(exported);
    }

    /** The next export requests fail with these statuses, one each. */
    void failNextExports(int... statuses) {
        for (int status : statuses) {
            exportFailures.add(status);
        }
    }

    /** The Authorization header of every export request, in order. */
    List<String> exportAuthorizations() {
        return List.copyOf(exportAuthorizations);
    }

    /** Stores an upload and returns the reference Label Studio puts in task data. */
    String upload(long project, String name, byte[] png) {
        uploads.put("upload/" + project + "/" + name, png);
        return "/data/upload/" + project + "/" + name;
    }

    /**
     * {@code count} image tasks with ids from {@code firstTaskId}, task {@code i} showing shape {@code i % 3} of
     * {@link ShapeScenes#LABELS}, uploaded to the project as Label Studio would serve them.
     */
    List<Task> shapeTasks(long project, int count, long firstTaskId, Random random) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Tasks.imageTask(firstTaskId + i, upload(project, "shape-" + (firstTaskId + i) + ".png", ShapeScenes.png(i % 3, random))));
        }
        return tasks;
    }

    String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    int unauthorizedRequests() {
        return unauthorized.get();
    }

    int imagesServed() {
        return served.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
