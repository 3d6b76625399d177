package dev.flywheel.backend.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Label Studio's REST API on loopback, as far as a pre-label job uses it: the project ({@code GET /api/projects/{id}}),
 * the data manager's task list with its real pagination ({@code GET /api/tasks?project=&page=&page_size=}, 404 past the
 * last page), the JSON export (for the backfill before training), the bulk prediction import ({@code POST /api/projects/{id}/import/predictions}) and uploaded images. Every
 * request is checked against what Label Studio accepts (auth header, parameters, JSON fields and their types); what it
 * would refuse is answered 400 and listed in {@link #violations()}. Created predictions show on the tasks afterwards,
 * in {@code predictions} and {@code predictions_model_versions}, as Label Studio lists them.
 */
public final class FakeLabelStudioApi implements AutoCloseable {

    public static final String TOKEN = "ls-legacy-token-7d3e91ab";
    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final Pattern PROJECT = Pattern.compile("/api/projects/(\\d+)/?");
    private static final Pattern EXPORT = Pattern.compile("/api/projects/(\\d+)/export/?");
    private static final Pattern IMPORT = Pattern.compile("/api/projects/(\\d+)/import/predictions/?");
    private static final Set<String> PREDICTION_FIELDS = Set.of("task", "result", "score", "model_version", "cluster", "neighbors",
            "mislabeling", "project", "model", "model_run");

    private final MockWebServer server = new MockWebServer();
    private final Map<Long, String> labelConfigs = new ConcurrentHashMap<>();
    private final Map<Long, NavigableMap<Long, ObjectNode>> tasks = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<JsonNode> created = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger apiRequests = new AtomicInteger();
    private final AtomicInteger refusedWhileDown = new AtomicInteger();

    public FakeLabelStudioApi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                boolean api = request.getUrl().encodedPath().startsWith("/api/");
                if (api) {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                }
                try {
                    return answer(request);
                } finally {
                    if (api) {
                        inFlight.decrementAndGet();
                    }
                }
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (down.get()) {
            refusedWhileDown.incrementAndGet();
            return json(502, "{\"detail\":\"Bad Gateway\"}");
        }
        if (!("Token " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            violations.add(request.getMethod() + " " + path + " without the token");
            return json(401, "{\"detail\":\"Authentication credentials were not provided.\"}");
        }
        if (request.getMethod().equals("GET") && path.equals("/api/current-user/whoami/")) {
            // Flywheel's connection check at start and on /setup: not part of a job's traffic.
            return json(200, "{\"id\":1,\"email\":\"admin@example.com\",\"username\":\"admin\"}");
        }
        if (path.startsWith("/api/")) {
            apiRequests.incrementAndGet();
        }
        Matcher project = PROJECT.matcher(path);
        Matcher imports = IMPORT.matcher(path);
        if (request.getMethod().equals("GET") && path.equals("/api/current-user/whoami/")) {
            // The backend's start-up check of the token.
            return json(200, "{\"id\":1,\"email\":\"annotator@example.com\",\"username\":\"annotator\"}");
        }
        Matcher export = EXPORT.matcher(path);
        if (request.getMethod().equals("GET") && export.matches()) {
            // The export the backfill reads before training: every task, with its annotations.
            ArrayNode all = MAPPER.createArrayNode();
            tasks(Long.parseLong(export.group(1))).values().forEach(all::add);
            return json(200, all.toString());
        }
        if (request.getMethod().equals("GET") && project.matches()) {
            return project(Long.parseLong(project.group(1)));
        }
        if (request.getMethod().equals("GET") && path.matches("/api/tasks/?")) {
            return taskList(request);
        }
        if (request.getMethod().equals("POST") && imports.matches()) {
            return importPredictions(Long.parseLong(imports.group(1)), request);
        }
        if (request.getMethod().equals("GET") && path.equals("/storage-data/uploaded/")) {
            byte[] image = uploads.get(String.valueOf(request.getUrl().queryParameter("filepath")));
            if (image != null) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png").body(new Buffer().write(image)).build();
            }
        }
        violations.add("no such route: " + request.getMethod() + " " + path);
        return json(404, "{\"detail\":\"Not found.\"}");
    }

    private MockResponse project(long id) {
        String config = labelConfigs.get(id);
        if (config == null) {
            return json(404, "{\"detail\":\"Not found.\"}");
        }
        ObjectNode body = MAPPER.createObjectNode().put("id", id).put("title", "Project " + id).put("label_config", config)
                .put("task_number", tasks(id).size());
        return json(200, body.toString());
    }

    private MockResponse taskList(RecordedRequest request) {
        Integer project = integer(request, "project", 1, Integer.MAX_VALUE);
        Integer page = integer(request, "page", 1, Integer.MAX_VALUE);
        Integer pageSize = integer(request, "page_size", 1, 100_000);
        if (project == null || page == null || pageSize == null) {
            return json(400, "{\"detail\":\"project, page and page_size must be positive whole numbers\"}");
        }
        List<ObjectNode> all = new ArrayList<>(tasks(project).values());
        long from = (long) (page - 1) * pageSize;
        if (from >= all.size() && page > 1) {
            return json(404, "{\"detail\":\"Invalid page.\"}");
        }
        ArrayNode items = MAPPER.createArrayNode();
        all.subList((int) Math.min(from, all.size()), (int) Math.min(all.size(), from + pageSize)).forEach(items::add);
        ObjectNode body = MAPPER.createObjectNode();
        body.set("tasks", items);
        body.put("total", all.size()).put("total_annotations", 0).put("total_predictions", created.size());
        return json(200, body.toString());
    }

    private MockResponse importPredictions(long project, RecordedRequest request) {
        String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
        if (!contentType.startsWith("application/json")) {
            return refuse("import with Content-Type " + contentType);
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
        } catch (IOException e) {
            return refuse("import body is not JSON");
        }
        if (body == null || !body.isArray() || body.isEmpty()) {
            return refuse("import body is not a non-empty JSON list");
        }
        for (JsonNode prediction : body) {
            String problem = problem(project, prediction);
            if (problem != null) {
                return refuse(problem + ": " + prediction);
            }
        }
        for (JsonNode prediction : body) {
            ObjectNode task = tasks(project).get(prediction.get("task").asLong());
            synchronized (task) {
                task.withArray("predictions").add(prediction);
                task.put("total_predictions", task.get("predictions").size());
                List<String> versions = new ArrayList<>();
                task.get("predictions").forEach(p -> versions.add(p.path("model_version").asText()));
                task.put("predictions_model_versions", String.join(", ", versions.stream().distinct().toList()));
                task.put("predictions_score", prediction.path("score").asDouble());
            }
            created.add(prediction);
        }
        return json(201, "{\"created\":" + body.size() + "}");
    }

    /** What Label Studio's prediction serializer would refuse in one element, or null. */
    private String problem(long project, JsonNode prediction) {
        if (!prediction.isObject()) {
            return "an element is not an object";
        }
        for (String field : (Iterable<String>) prediction::fieldNames) {
            if (!PREDICTION_FIELDS.contains(field)) {
                return "unknown field '" + field + "'";
            }
        }
        if (!prediction.path("task").isIntegralNumber() || !tasks(project).containsKey(prediction.get("task").asLong())) {
            return "'task' is not the integer id of a task of project " + project;
        }
        if (!prediction.path("result").isArray()) {
            return "'result' is not a list";
        }
        for (JsonNode region : prediction.get("result")) {
            if (!region.path("from_name").isTextual() || !region.path("to_name").isTextual() || !region.path("type").isTextual()
                    || !region.path("value").isObject()) {
                return "a result region lacks from_name, to_name, type or value";
            }
        }
        if (prediction.has("score") && !prediction.get("score").isNumber()) {
            return "'score' is not a number";
        }
        if (!prediction.path("model_version").isTextual() || prediction.get("model_version").asText().isBlank()) {
            return "'model_version' is not a non-blank string (the job must tag its predictions)";
        }
        return null;
    }

    private MockResponse refuse(String why) {
        violations.add(why);
        return json(400, MAPPER.createObjectNode().put("detail", why).toString());
    }

    private Integer integer(RecordedRequest request, String name, int min, int max) {
        String raw = request.getUrl().queryParameter(name);
        try {
            int value = Integer.parseInt(String.valueOf(raw));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add("GET /api/tasks with " + name + "=" + raw);
        return null;
    }

    private NavigableMap<Long, ObjectNode> tasks(long project) {
        return tasks.computeIfAbsent(project, p -> new ConcurrentSkipListMap<>());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** The project with this label config, as Label Studio holds it. */
    public void project(long id, String labelConfig) {
        labelConfigs.put(id, labelConfig);
    }

    /** Adds an image task whose image is uploaded as {@code png}, and answers its id. */
    public long imageTask(long project, long id, byte[] png) {
        String name = "upload/" + project + "/" + id + ".png";
        uploads.put(name, png);
        ObjectNode task = MAPPER.createObjectNode().put("id", id).put("project", project).put("inner_id", id).put("is_labeled", false)
                .put("total_annotations", 0).put("cancelled_annotations", 0).put("total_predictions", 0)
                .put("predictions_model_versions", "");
        task.putObject("data").put("image", "/data/" + name);
        task.putArray("annotations");
        task.putArray("predictions");
        task.putNull("predictions_score");
        tasks(project).put(id, task);
        return id;
    }

    /** Marks a task labelled with {@code annotation}, as Label Studio lists it afterwards; answers the task as sent in webhooks. */
    public dev.flywheel.model.labelstudio.Task label(long project, long id, dev.flywheel.model.labelstudio.Annotation annotation) {
        ObjectNode task = tasks(project).get(id);
        synchronized (task) {
            task.withArray("annotations").add(MAPPER.valueToTree(annotation));
            task.put("total_annotations", task.get("annotations").size()).put("is_labeled", true);
        }
        return dev.flywheel.fixtures.Tasks.imageTask(id, task.path("data").path("image").asText());
    }

    /** Lists a prediction of {@code version} on the task, as if an earlier run had made it (without counting it as created). */
    public void markPredicted(long project, long id, String version) {
        ObjectNode task = tasks(project).get(id);
        synchronized (task) {
            task.withArray("predictions").addObject().put("model_version", version).put("score", 0.5).putArray("result");
            task.put("total_predictions", task.get("predictions").size()).put("predictions_model_versions", version);
        }
    }

    /** From now on every request gets 502, as from a proxy in front of a stopped Label Studio; false brings it back. */
    public void down(boolean isDown) {
        down.set(isDown);
    }

    /** Predictions created through the import, in order. */
    public List<JsonNode> created() {
        return List.copyOf(created);
    }

    /** The predictions Label Studio lists on a task. */
    public JsonNode predictionsOf(long project, long id) {
        return tasks(project).get(id).get("predictions");
    }

    /** Requests Label Studio would have refused, in words. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    public int maxApiRequestsInFlight() {
        return maxInFlight.get();
    }

    public int apiRequests() {
        return apiRequests.get();
    }

    public int refusedWhileDown() {
        return refusedWhileDown.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
