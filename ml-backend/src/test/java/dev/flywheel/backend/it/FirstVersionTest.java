package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On the shipped policy, through the protocol: the tenth label starts a short first run whose version pre-labels the
 * next task within a bounded wait, and a pause in labelling trains on the few labels that came after it, which alone
 * would not earn a run.
 */
class FirstVersionTest {

    private static final String PROJECT_UID = "12.1732870000";
    private static final long PROJECT = 12;
    /** Far above the seconds it takes on a quiet machine (docs/PERFORMANCE.md), for a CI machine running other builds. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    @RegisterExtension
    final LiveBackend live = LiveBackend.plain();

    @Test
    void theTenthLabelGivesPrelabelsAndAPauseTrainsOnTheLabelsAfterIt() throws Exception {
        List<Task> tasks = live.labelStudio().shapeTasks(PROJECT, 20, 3000, new Random(11));
        assertThat(live.connectShapes(PROJECT_UID)).isEqualTo("untrained");

        live.annotateShapes(tasks, 0, 10, 9000);
        JsonNode first = live.insights().awaitRun(PROJECT, run -> run.path("status").asText().equals("ready"), BOUND);
        String v1 = first.path("version").asText();
        Prediction prelabel = live.ls().predict(tasks.subList(15, 16)).body().predictions().getFirst();
        assertThat(prelabel.modelVersion()).isEqualTo(v1);
        assertThat(prelabel.result()).as("the next task opens pre-labelled").isNotEmpty();

        // Three more labels: fewer than the ten new ones a run needs, so only the pause after them trains on them.
        live.annotateShapes(tasks, 10, 13, 9000);
        assertThat(live.get("/api/v1/projects/" + PROJECT + "/models").path("untrained_changes").asLong())
                .as("the model list says what the active version has not learnt from").isEqualTo(3);
        JsonNode caughtUp = live.insights().awaitRun(PROJECT,
                run -> run.path("status").asText().equals("ready") && !run.path("version").asText().equals(v1), BOUND);
        JsonNode detail = live.get("/api/v1/projects/" + PROJECT + "/models/" + caughtUp.path("version").asText());
        assertThat(detail.path("dataset_size").asInt()).as("the catch-up run read every label").isEqualTo(13);
        JsonNode models = live.get("/api/v1/projects/" + PROJECT + "/models");
        assertThat(models.path("active").asText()).isEqualTo(caughtUp.path("version").asText());
        assertThat(models.path("untrained_changes").asLong()).isZero();
    }
}
