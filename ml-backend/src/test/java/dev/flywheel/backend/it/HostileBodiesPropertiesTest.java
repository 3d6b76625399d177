package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated bodies for every JSON endpoint — random JSON built from the field names Label Studio uses, with values of
 * every type, and raw bytes — are answered with a 2xx or a 4xx ApiError, never a 5xx, a stack trace or a dead server.
 */
class HostileBodiesPropertiesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("project", "schema", "label_config", "tasks", "id", "data", "image",
            "action", "annotation", "annotations", "task", "result", "value", "choices", "from_name", "to_name", "type",
            "hostname", "access_token", "extra_params", "params", "context", "model_version", "was_cancelled", "completed_by",
            "lead_time", "created_at", "meta");
    private static final List<String> TEXTS = List.of("1.1700000000", "7", "-1", "abc", "99999999999999999999", "",
            ShapeScenes.CONFIG, "<View/>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><View>&e;</View>",
            "/data/upload/1/a.png", "http://169.254.169.254/", "file:///etc/passwd", "/data/local-files/?d=../../etc/passwd",
            "ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_DELETED", "START_TRAINING", "choices", "circle",
            "2024-01-01T00:00:00Z", "NaN", "\u0000", "\uD83D\uDE00", "%s%n%x");

    private static Path home;
    private static RunningBackend backend;

    @BeforeContainer
    static void start() throws Exception {
        home = Files.createTempDirectory("flywheel-properties");
        backend = RunningBackend.start(home, Map.of());
    }

    @AfterContainer
    static void stop() {
        backend.close();
    }

    @Property(tries = 400)
    void anyJsonShapedBodyGetsA2xxOrA4xxApiError(@ForAll("endpoints") String endpoint, @ForAll("bodies") JsonNode body)
            throws Exception {
        HttpResponse<String> response = Hostile.post(backend.uri(), endpoint, Hostile.MAPPER.writeValueAsBytes(body));

        assertAnsweredSafely(endpoint, body.toString(), response);
    }

    @Property(tries = 150)
    void anyBytesGetA2xxOrA4xxApiError(@ForAll("endpoints") String endpoint, @ForAll("bytes") byte[] body) throws Exception {
        HttpResponse<String> response = Hostile.post(backend.uri(), endpoint, body);

        assertAnsweredSafely(endpoint, java.util.Arrays.toString(body), response);
    }

    private static void assertAnsweredSafely(String endpoint, String sent, HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as("%s %s -> %s", endpoint, sent, response.body()).isBetween(200, 499);
        if (response.statusCode() >= 400) {
            Hostile.assertRefused(response, endpoint + " " + sent);
        } else {
            Hostile.assertClean(response, endpoint + " " + sent);
        }
        Hostile.assertHealthy(backend.uri(), endpoint + " " + sent);
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of("/setup", "/predict", "/webhook", "/train");
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ntrufals\\u\u00ff\u0000 ").ofMaxLength(80)
                        .map(s -> s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Provide
    Arbitrary<JsonNode> bodies() {
        return object(3);
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.of(TEXTS).map(JSON::textNode),
                Arbitraries.strings().ofMaxLength(30).map(JSON::textNode),
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.doubles().map(JSON::numberNode),
                Arbitraries.of(true, false).map(JSON::booleanNode),
                Arbitraries.just(JSON.nullNode()));
        if (depth <= 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(items -> {
                    var array = JSON.arrayNode();
                    items.forEach(array::add);
                    return (JsonNode) array;
                })),
                net.jqwik.api.Tuple.of(2, object(depth - 1)));
    }

    private Arbitrary<JsonNode> object(int depth) {
        return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> value(depth))).ofMaxSize(6).map(fields -> {
            ObjectNode node = JSON.objectNode();
            fields.forEach(node::set);
            return (JsonNode) node;
        });
    }
}
