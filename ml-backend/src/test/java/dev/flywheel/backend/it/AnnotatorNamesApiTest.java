package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.model.labelstudio.Annotation;
import dev.flywheel.model.labelstudio.Task;
import dev.flywheel.model.labelstudio.UserRef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Annotators by name through the real server: Label Studio's webhooks name the author as a user object, or as an id
 * with {@code created_username} beside it, or as a bare id; the stats list each by the name it sent, if any.
 */
class AnnotatorNamesApiTest {

    private static final long PROJECT = 14;

    @RegisterExtension
    final LiveBackend backend = LiveBackend.plain();

    @Test
    void statsListEachAnnotatorWithTheNameOrEmailLabelStudioSentAndWithoutOneWhenItSentOnlyTheId() throws Exception {
        backend.connectShapes(PROJECT + ".1732870000");
        annotate(1, by(new UserRef(3L, Map.of("id", 3, "email", "ann@example.com", "first_name", "", "last_name", "")), Map.of()));
        annotate(2, by(UserRef.of(4), Map.of("created_username", "bob@example.com, 4")));
        annotate(3, by(UserRef.of(4), Map.of("created_username", "bob@example.com, 4")));
        annotate(4, by(UserRef.of(5), Map.of()));

        JsonNode annotators = backend.get("/api/v1/projects/" + PROJECT + "/stats").path("annotators");

        Map<Long, JsonNode> byId = new HashMap<>();
        annotators.forEach(a -> byId.put(a.path("id").asLong(), a));
        assertThat(byId).containsOnlyKeys(3L, 4L, 5L);
        assertThat(byId.get(3L).path("name").asText()).isEqualTo("ann@example.com");
        assertThat(byId.get(4L).path("name").asText()).isEqualTo("bob@example.com");
        assertThat(byId.get(4L).path("annotations").asInt()).isEqualTo(2);
        assertThat(byId.get(5L).has("name")).as("an id alone has no name: %s", annotators).isFalse();
    }

    @Test
    void theNamesSurviveARestart() throws Exception {
        backend.connectShapes(PROJECT + ".1732870000");
        annotate(1, by(new UserRef(3L, Map.of("id", 3, "email", "ann@example.com")), Map.of()));

        backend.restart();

        JsonNode annotators = backend.get("/api/v1/projects/" + PROJECT + "/stats").path("annotators");
        assertThat(annotators.get(0).path("name").asText()).isEqualTo("ann@example.com");
    }

    private int task = 9000;

    /** The author and extra fields Label Studio's serializer would add. */
    private record Author(UserRef user, Map<String, Object> extra) {}

    private static Author by(UserRef user, Map<String, Object> extra) {
        return new Author(user, extra);
    }

    private void annotate(long annotation, Author author) {
        int id = task++;
        Task t = Tasks.imageTask(id, backend.labelStudio().upload(PROJECT, "a" + id + ".png", ShapeScenes.png(0, new Random(id))));
        Annotation plain = Annotations.choice(annotation, id, ShapeScenes.LABELS.get(0));
        Map<String, Object> extra = new LinkedHashMap<>(plain.extra());
        extra.putAll(author.extra());
        Annotation authored = new Annotation(plain.id(), plain.result(), plain.wasCancelled(), plain.groundTruth(), plain.leadTime(),
                plain.task(), plain.project(), author.user(), plain.createdAt(), plain.updatedAt(), plain.prediction(),
                plain.resultCount(), plain.parentPrediction(), plain.parentAnnotation(), plain.lastAction(), plain.updatedBy(), extra);
        assertThat(backend.ls().annotate(t, authored).status()).isEqualTo(201);
    }
}
