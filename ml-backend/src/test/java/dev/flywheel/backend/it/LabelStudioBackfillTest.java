package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.Tasks;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Labels made in Label Studio before Flywheel was connected, or while webhooks were missed, reach training. */
class LabelStudioBackfillTest {

    private static final String PROJECT_UID = "7.1732870000";
    private static final long PROJECT = 7;

    @RegisterExtension
    final LiveBackend live = LiveBackend.plain();

    @Test
    void aProjectWithTwentyLabelledTasksGetsAFirstVersionWithoutAnyWebhookEvenWhenTheFirstExportFails() throws Exception {
        FakeLabelStudio labelStudio = live.labelStudio();
        Random random = new Random(5);
        for (int i = 0; i < 20; i++) {
            Task task = Tasks.imageTask(1000 + i, labelStudio.upload(PROJECT, "shape-" + i + ".png", ShapeScenes.png(i % 3, random)));
            labelStudio.labelled(PROJECT, task, Annotations.choice(5000 + i, task.id(), ShapeScenes.LABELS.get(i % 3)));
        }
        labelStudio.failNextExports(500);
        InsightsPoller insights = live.insights();
        live.connectShapes(PROJECT_UID);

        JsonNode first = insights.awaitRun(PROJECT, InsightsPoller.status("ready"), Duration.ofSeconds(60));

        assertThat(insights.annotations(PROJECT)).isEqualTo(20);
        assertThat(insights.models(PROJECT).path("active").asText()).isEqualTo(first.path("version").asText());
        assertThat(labelStudio.exportAuthorizations()).as("a 500, retried, then the export")
                .containsExactly("Token " + FakeLabelStudio.TOKEN, "Token " + FakeLabelStudio.TOKEN);
        assertThat(labelStudio.unauthorizedRequests()).isZero();

        // Start Training pulls the export again: a replay that changes nothing.
        live.ls().startTraining();
        insights.awaitRun(PROJECT, run -> run.path("status").asText().equals("ready")
                && !run.path("version").asText().equals(first.path("version").asText()), Duration.ofSeconds(60));
        assertThat(labelStudio.exportAuthorizations()).hasSize(3);
        assertThat(insights.annotations(PROJECT)).isEqualTo(20);
    }

    @Test
    void withLabelStudioDownStartTrainingStillTrainsOnTheStoredAnnotationsAndTheRunSaysSo() throws Exception {
        String deadLabelStudio = "http://127.0.0.1:" + closedPort();
        live.startWith(Map.of("LABEL_STUDIO_URL", deadLabelStudio, "LABEL_STUDIO_API_KEY", FakeLabelStudio.TOKEN));
        InsightsPoller insights = live.insights();
        LabelStudioSimulator ls = live.ls();
        ls.connect(PROJECT_UID, ShapeScenes.CONFIG, deadLabelStudio, FakeLabelStudio.TOKEN);
        Random random = new Random(9);
        // Nine: one short of the policy's first run, so the only run is the one Start Training asks for.
        for (int i = 0; i < 9; i++) {
            String inline = "data:image/png;base64," + Base64.getEncoder().encodeToString(ShapeScenes.png(i % 3, random));
            Task task = Tasks.imageTask(2000 + i, inline);
            assertThat(ls.annotate(task, Annotations.choice(6000 + i, task.id(), ShapeScenes.LABELS.get(i % 3))).status()).isEqualTo(201);
        }

        ls.startTraining();

        JsonNode run = insights.awaitRun(PROJECT, InsightsPoller.status("ready"), Duration.ofSeconds(60));
        JsonNode detail = insights.get("/api/v1/projects/7/models/" + run.path("version").asText());
        assertThat(detail.path("message").asText())
                .contains("Label Studio unreachable", "trained on the stored annotations")
                .doesNotContain(FakeLabelStudio.TOKEN);
        assertThat(detail.path("dataset_size").asInt()).isEqualTo(9);
        assertThat(insights.annotations(PROJECT)).isEqualTo(9);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
