package dev.flywheel.backend.it;

import static dev.flywheel.backend.it.Hostile.assertClean;
import static dev.flywheel.backend.it.Hostile.assertHealthy;
import static dev.flywheel.backend.it.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.backend.http.FlywheelServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON endpoint against bodies no Label Studio would send: each is refused with a 4xx ApiError (or, for merely
 * surprising input, answered normally), never a 500, a stack trace or a hang, and {@code /health} answers after each.
 */
class HostileBodiesTest {

    static final List<String> JSON_ENDPOINTS = List.of("/setup", "/predict", "/webhook", "/train");

    @RegisterExtension
    static final LiveBackend backend = LiveBackend.plain();

    static Stream<Arguments> malformedBodies() {
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("unclosed object", utf8("{\"project\": \"1.1\", "));
        bodies.put("unclosed array", utf8("{\"tasks\": [1, 2"));
        bodies.put("bare word", utf8("nul"));
        bodies.put("missing value", utf8("{\"project\":}"));
        bodies.put("single quotes", utf8("{'project': '1.1'}"));
        bodies.put("trailing garbage", utf8("{\"project\":\"1.1\"} {\"x\":1}"));
        bodies.put("JSON null", utf8("null"));
        bodies.put("JSON array", utf8("[]"));
        bodies.put("JSON number", utf8("42"));
        bodies.put("JSON string", utf8("\"setup\""));
        bodies.put("100k nested arrays", nested("[", "]", 100_000));
        bodies.put("100k nested objects", nested("{\"a\":", "}", 100_000));
        bodies.put("a number of a million digits", utf8("{\"project\": " + "9".repeat(1_000_000) + "}"));
        bodies.put("invalid UTF-8", concat(utf8("{\"project\": \""), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, utf8("\"}")));
        bodies.put("a lone surrogate escape", utf8("{\"project\": \"\\uD800\", \"schema\": 5}"));
        bodies.put("XML instead of JSON", utf8("<?xml version=\"1.0\"?><project>1</project>"));
        bodies.put("form encoding", utf8("project=1.1&schema=x"));
        return JSON_ENDPOINTS.stream().flatMap(endpoint -> bodies.entrySet().stream()
                .map(body -> Arguments.of(endpoint, body.getKey(), body.getValue())));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("malformedBodies")
    void malformedBodiesAreRefusedWith400(String endpoint, String what, byte[] body) throws Exception {
        HttpResponse<String> response = Hostile.post(backend.uri(), endpoint, body);

        assertThat(response.statusCode()).as("%s %s: %s", endpoint, what, response.body()).isEqualTo(400);
        assertRefused(response, endpoint + " " + what);
        assertHealthy(backend.uri(), endpoint + " " + what);
    }

    static Stream<Arguments> wrongShapes() {
        String config = ShapeScenes.CONFIG.replace("\n", " ").replace("\"", "\\\"");
        return Stream.of(
                Arguments.of("/setup", "{\"schema\": \"" + config + "\"}"),
                Arguments.of("/setup", "{\"project\": [], \"schema\": \"" + config + "\"}"),
                Arguments.of("/setup", "{\"project\": {\"id\": 1}, \"schema\": \"" + config + "\"}"),
                Arguments.of("/setup", "{\"project\": \"abc.def\", \"schema\": \"" + config + "\"}"),
                Arguments.of("/setup", "{\"project\": \"-5.1\", \"schema\": \"" + config + "\"}"),
                Arguments.of("/setup", "{\"project\": \"99999999999999999999999.1\", \"schema\": \"" + config + "\"}"),
                Arguments.of("/setup", "{\"project\": \"1.1\", \"schema\": 5}"),
                Arguments.of("/setup", "{\"project\": \"1.1\", \"schema\": [\"<View/>\"]}"),
                Arguments.of("/setup", "{\"project\": \"1.1\", \"schema\": \"\"}"),
                Arguments.of("/setup", "{\"project\": \"1.1\", \"schema\": \"not xml at all\"}"),
                Arguments.of("/setup", "{\"project\": \"1.1\", \"schema\": \"" + config + "\", \"extra_params\": 17}"),
                Arguments.of("/predict", "{\"project\": \"1.1\", \"label_config\": \"" + config + "\", \"tasks\": \"many\"}"),
                Arguments.of("/predict", "{\"project\": \"1.1\", \"label_config\": \"" + config + "\", \"tasks\": {\"id\": 1}}"),
                Arguments.of("/predict", "{\"project\": \"1.1\", \"label_config\": \"" + config + "\", \"tasks\": [1, 2]}"),
                Arguments.of("/predict", "{\"project\": \"1.1\", \"label_config\": \"" + config + "\", \"tasks\": [{\"id\": \"x\"}]}"),
                Arguments.of("/predict", "{\"project\": \"1.1\", \"label_config\": \"" + config + "\", \"tasks\": [{\"data\": 7}]}"),
                Arguments.of("/predict", "{\"project\": \"1.1\", \"label_config\": 12, \"tasks\": []}"),
                Arguments.of("/predict", "{\"project\": true, \"label_config\": \"" + config + "\", \"tasks\": []}"),
                Arguments.of("/predict", "{\"tasks\": [{\"id\": 1, \"data\": {\"image\": \"x\"}}]}"),
                Arguments.of("/predict", "{\"project\": \"1.1\", \"label_config\": \"" + config + "\", \"tasks\": [null]}"),
                Arguments.of("/webhook", "{\"action\": 5}"),
                Arguments.of("/webhook", "{\"action\": \"ANNOTATION_CREATED\", \"project\": \"seven\"}"),
                Arguments.of("/webhook", "{\"action\": \"ANNOTATION_CREATED\", \"project\": {\"id\": 1}, \"annotation\": \"x\"}"),
                Arguments.of("/webhook", "{\"action\": \"ANNOTATION_CREATED\", \"project\": {\"id\": 1}, \"annotation\": {\"id\": 1}}"),
                Arguments.of("/webhook", "{\"action\": \"ANNOTATION_CREATED\", \"project\": {\"id\": 1}, \"task\": {\"id\": 1},"
                        + " \"annotation\": {\"id\": \"one\", \"result\": 5}}"),
                Arguments.of("/webhook", "{\"action\": \"ANNOTATIONS_DELETED\", \"project\": {\"id\": 1}, \"annotations\": \"all\"}"),
                Arguments.of("/webhook", "{\"action\": \"START_TRAINING\", \"project\": {\"id\": -3}}"),
                Arguments.of("/train", "{\"project\": \"1.1\", \"annotations\": 5}"),
                Arguments.of("/train", "{\"project\": \"1.1\", \"annotations\": [{\"id\": \"x\"}]}"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("wrongShapes")
    void wrongTypesAndMissingFieldsAreRefusedWithAFieldErrorOrIgnored(String endpoint, String body) throws Exception {
        HttpResponse<String> response = Hostile.post(backend.uri(), endpoint, body);

        assertThat(response.statusCode()).as("%s: %s", body, response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertRefused(response, body);
        } else {
            assertClean(response, body);
        }
        assertHealthy(backend.uri(), body);
    }

    @Test
    void extraFieldsAreIgnoredBecauseLabelStudioAddsFieldsOverTime() throws Exception {
        String config = ShapeScenes.CONFIG.replace("\n", " ").replace("\"", "\\\"");
        HttpResponse<String> response = Hostile.post(backend.uri(), "/setup",
                "{\"project\": \"31.1700000000\", \"schema\": \"" + config + "\", \"__proto__\": {\"admin\": true},"
                        + " \"@class\": \"java.lang.ProcessBuilder\", \"nested\": {\"deep\": [1, {\"x\": null}]}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Hostile.MAPPER.readTree(response.body()).path("model_version").asText()).isEqualTo("untrained");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413AndAnApiError() throws Exception {
        byte[] body = new byte[(int) FlywheelServer.MAX_BODY_BYTES + 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        HttpResponse<String> response = Hostile.post(backend.uri(), "/predict", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertRefused(response, "oversized body");
        assertHealthy(backend.uri(), "an oversized body");
    }

    @Test
    void aUtf8ByteOrderMarkIsReadAsJson() throws Exception {
        String config = ShapeScenes.CONFIG.replace("\n", " ").replace("\"", "\\\"");
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("{\"project\": \"32.1700000000\", \"schema\": \"" + config + "\"}"));

        HttpResponse<String> response = Hostile.post(backend.uri(), "/setup", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void utf16AndUtf32BodiesAreAnsweredWithoutAFailure() throws Exception {
        String json = "{\"project\": \"33.1700000000\", \"schema\": \"<View/>\"}";
        for (var charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, java.nio.charset.Charset.forName("UTF-32"))) {
            HttpResponse<String> response = Hostile.post(backend.uri(), "/setup", json.getBytes(charset));

            assertThat(response.statusCode()).as(charset.name()).isBetween(400, 499);
            assertRefused(response, charset.name());
        }
        assertHealthy(backend.uri(), "odd encodings");
    }

    static Stream<Arguments> hostileLabelConfigs() {
        return Stream.of(
                Arguments.of("external entity", """
                        <?xml version="1.0"?><!DOCTYPE View [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                        <View><Image name="image" value="$image"/><Choices name="label" toName="image"><Choice value="&xxe;"/></Choices></View>"""),
                Arguments.of("parameter entity", """
                        <?xml version="1.0"?><!DOCTYPE View [<!ENTITY % p SYSTEM "http://169.254.169.254/latest/meta-data/"> %p;]>
                        <View/>"""),
                Arguments.of("billion laughs", """
                        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                        <View><Choices name="label" toName="image"><Choice value="&lol4;"/></Choices></View>"""),
                Arguments.of("XInclude", """
                        <View xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/>
                        <Image name="image" value="$image"/></View>"""),
                Arguments.of("external DTD", """
                        <?xml version="1.0"?><!DOCTYPE View SYSTEM "file:///etc/passwd"><View/>"""),
                Arguments.of("undeclared entity", "<View><Choices name=\"label\" toName=\"image\"><Choice value=\"&undefined;\"/></Choices></View>"),
                Arguments.of("unclosed tag", "<View><Image name=\"image\" value=\"$image\">"),
                Arguments.of("10k nested views", "<View>".repeat(10_000) + "</View>".repeat(10_000)),
                Arguments.of("over a million characters", "<View>" + "<Header value=\"x\"/>".repeat(60_000) + "</View>"));
    }

    @ParameterizedTest(name = "a label config with {0} is refused without reading anything")
    @MethodSource("hostileLabelConfigs")
    void labelConfigsWithEntitiesOrIncludesAreRefusedWithoutReadingFiles(String what, String xml) throws Exception {
        for (String endpoint : List.of("/setup", "/predict")) {
            String field = endpoint.equals("/setup") ? "schema" : "label_config";
            String body = Hostile.MAPPER.writeValueAsString(Map.of("project", "34.1700000000", field, xml, "tasks", List.of()));

            HttpResponse<String> response = Hostile.post(backend.uri(), endpoint, body);

            JsonNode error = assertRefused(response, endpoint + " " + what);
            assertThat(response.statusCode()).as(what).isIn(400, 422);
            assertThat(error.path("detail").asText()).doesNotContain("root:");
        }
        assertHealthy(backend.uri(), what);
    }

    static Stream<String> hostileApiPaths() {
        return Stream.of(
                "/api/v1/projects/abc/stats", "/api/v1/projects/-1/stats", "/api/v1/projects/99999999999999999999999/stats",
                "/api/v1/projects/1e3/models", "/api/v1/projects/%00/stats", "/api/v1/projects/..%2F..%2Fetc%2Fpasswd/stats",
                "/api/v1/projects/1/tasks?limit=-5", "/api/v1/projects/1/tasks?limit=abc", "/api/v1/projects/1/tasks?cursor=%FF%FE",
                "/api/v1/projects/1/tasks?limit=99999999999999", "/api/v1/projects/1/label-issues?cursor=not-a-cursor",
                "/api/v1/projects/1/compare", "/api/v1/projects/1/compare?base=a", "/api/v1/projects/1/compare?base=..&candidate=../../x",
                "/api/v1/projects/1/models/..%2F..%2F..%2Fetc%2Fpasswd", "/api/v1/projects/1/models/%2e%2e",
                "/api/v1/projects/1/tasks/abc/image", "/api/v1/projects/1/tasks/-2/image", "/api/v1/projects/1/tasks/5/image",
                "/api/v1/projects/1/learning-curve?x=" + "y".repeat(4000));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("hostileApiPaths")
    void insightsApiRefusesHostilePathsAndQueriesWith4xx(String path) throws Exception {
        HttpResponse<String> response = Hostile.get(backend.uri(), path);

        assertRefused(response, path);
        assertHealthy(backend.uri(), path);
    }

    @Test
    void insightsApiPostsRefuseUnknownVersionsAndProjects() throws Exception {
        for (String path : List.of("/api/v1/projects/1/models/v999/activate", "/api/v1/projects/1/models/..%2Fx/activate",
                "/api/v1/projects/abc/train")) {
            HttpResponse<String> response = Hostile.post(backend.uri(), path, "{\"evil\": [[[[[[]]]]]]}");

            assertRefused(response, path);
        }
        assertHealthy(backend.uri(), "hostile posts");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nested(String open, String close, int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(depth * (open.length() + close.length()));
        byte[] o = utf8(open);
        byte[] c = utf8(close);
        for (int i = 0; i < depth; i++) {
            out.writeBytes(o);
        }
        out.writeBytes(utf8(open.startsWith("{") ? "1" : ""));
        for (int i = 0; i < depth; i++) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static URI unused() {
        return URI.create("http://127.0.0.1:1");
    }
}
