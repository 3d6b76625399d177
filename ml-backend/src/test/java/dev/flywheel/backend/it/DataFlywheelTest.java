package dev.flywheel.backend.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flywheel.fixtures.Annotations;
import dev.flywheel.fixtures.simulator.LabelStudioSimulator;
import dev.flywheel.fixtures.simulator.Reply;
import dev.flywheel.model.labelstudio.ChoicesRegion;
import dev.flywheel.model.labelstudio.PredictResponse;
import dev.flywheel.model.labelstudio.Prediction;
import dev.flywheel.model.labelstudio.Task;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data flywheel as Label Studio drives it: connect, predict (nothing yet), annotate, a first version appears by
 * itself, later predictions carry it, more annotations give a new version, and a restart loses nothing.
 */
class DataFlywheelTest {

    private static final String PROJECT_UID = "7.1732870000";
    private static final long PROJECT = 7;

    @RegisterExtension
    final LiveBackend live = LiveBackend.plain();

    @Test
    void annotationsTrainAVersionThatPrelabelsTheNextImagesAndSurvivesARestart() throws Exception {
        FakeLabelStudio labelStudio = live.labelStudio();
        List<Task> tasks = labelStudio.shapeTasks(PROJECT, 90, 1000, new Random(3));
        String firstVersion;
        LabelStudioSimulator ls = live.ls();
        assertThat(live.connectShapes(PROJECT_UID)).isEqualTo("untrained");
        assertThat(ls.predict(tasks.subList(60, 63)).body().predictions()).allSatisfy(p -> assertThat(p.result()).isEmpty());

        live.annotateShapes(tasks, 0, 45, 5000);
        // The version once training has settled: the short first run trained on the first ten, a run after it on all 45.
        firstVersion = live.insights().awaitNewVersion(PROJECT, null);
        assertThat(ls.setup().body().modelVersion()).isEqualTo(firstVersion);

        Reply<PredictResponse> predicted = ls.predict(tasks.subList(60, 90));
        assertThat(predicted.body().modelVersion()).isEqualTo(firstVersion);
        assertThat(predicted.body().results()).hasSize(30);
        int correct = 0;
        for (int i = 0; i < 30; i++) {
            Prediction p = predicted.body().predictions().get(i);
            assertThat(p.modelVersion()).isEqualTo(firstVersion);
            assertThat(p.score()).isBetween(0.0, 1.0);
            ChoicesRegion region = (ChoicesRegion) p.result().getFirst();
            assertThat(region.fromName()).isEqualTo("label");
            assertThat(region.header().toName()).isEqualTo("image");
            assertThat(ShapeScenes.LABELS).contains(region.value().labels().getFirst());
            correct += region.value().labels().getFirst().equals(label((60 + i) % 3)) ? 1 : 0;
        }
        // Chance is 10 of 30; a model from 36 training images of easy shapes does far better.
        assertThat(correct).as("pre-labels right out of 30 unseen images").isGreaterThanOrEqualTo(20);

        live.annotateShapes(tasks, 45, 60, 5000);
        ls.annotate(tasks.get(0), Annotations.choice(5000, tasks.get(0).id(), label(0)));
        String secondVersion = live.insights().awaitNewVersion(PROJECT, firstVersion);
        JsonNode second = live.get("/api/v1/projects/7/models/" + secondVersion);
        assertThat(second.path("parent").isNull()).isFalse();
        JsonNode first = live.get("/api/v1/projects/7/models/" + firstVersion);
        assertThat(second.path("dataset_size").asInt()).isGreaterThan(first.path("dataset_size").asInt()).isBetween(55, 60);
        assertThat(second.path("trained_on").asInt()).isGreaterThan(first.path("trained_on").asInt());
        assertThat(second.path("confusion").path("labels")).hasSize(3);
        assertThat(labelStudio.unauthorizedRequests()).isZero();

        live.restart();
        JsonNode projects = live.get("/api/v1/projects");
        JsonNode project = projects.path("projects").get(0);
        assertThat(project.path("id").asLong()).isEqualTo(PROJECT);
        assertThat(project.path("annotations").asInt()).isEqualTo(60);
        JsonNode models = live.get("/api/v1/projects/7/models");
        assertThat(models.path("models").size()).isGreaterThanOrEqualTo(2);
        assertThat(models.path("active").asText()).isNotEqualTo(firstVersion).isEqualTo(project.path("active_model_version").asText());
        assertThat(live.connectShapes(PROJECT_UID)).isEqualTo(models.path("active").asText());
    }

    @Test
    void aFirstVersionIsReadySecondsAfterTheTenthLabelAndPrelabelsTheNextTask() throws Exception {
        LabelStudioSimulator ls = live.ls();
        live.connectShapes(PROJECT_UID);
        List<Task> tasks = live.labelStudio().shapeTasks(PROJECT, 11, 4000, new Random(11));
        live.annotateShapes(tasks, 0, 10, 8000);
        long tenth = System.nanoTime();

        // The first run is short and does not wait for the annotator to pause; the bound leaves room for a loaded CI
        // machine (the replay benchmark measures the seconds).
        String version = null;
        while (version == null && System.nanoTime() - tenth < java.time.Duration.ofSeconds(30).toNanos()) {
            JsonNode active = live.get("/api/v1/projects/7/models").path("active");
            version = active.isTextual() ? active.asText() : null;
            Thread.sleep(100);
        }

        assertThat(version).as("a version 30 s after the tenth label").isNotNull();
        Prediction next = ls.predict(tasks.subList(10, 11)).body().predictions().getFirst();
        assertThat(next.modelVersion()).isEqualTo(version);
        assertThat(next.result()).hasSize(1);
        assertThat(live.get("/api/v1/projects/7/models/" + version).path("dataset_size").asInt()).isEqualTo(10);
    }

    @Test
    void aBurstOfAnnotationsGetsAShortFirstRunAndThenOneRunOnAllOfItRatherThanOnePerTen() throws Exception {
        live.connectShapes(PROJECT_UID);
        // What an import or a bulk action in Label Studio sends: one webhook after another, as fast as they go.
        List<Task> tasks = live.labelStudio().shapeTasks(PROJECT, 40, 2000, new Random(5));
        live.annotateShapes(tasks, 0, 40, 6000);

        String version = live.insights().awaitNewVersion(PROJECT, null);

        // The first run starts at the tenth label without waiting (it is short); the rest of the burst arrives while it
        // trains and earns one more run, which waits for the burst to end and trains on all of it.
        JsonNode models = live.get("/api/v1/projects/7/models").path("models");
        assertThat(models).as("the short first run and one run on the whole burst").hasSizeBetween(1, 2);
        assertThat(live.get("/api/v1/projects/7/models/" + version).path("dataset_size").asInt()).isEqualTo(40);
    }

    @Test
    void imagesOfLabelledTasksAreFetchedWhilePeopleLabelNotWhenTheRunStarts() throws Exception {
        live.connectShapes(PROJECT_UID);
        FakeLabelStudio labelStudio = live.labelStudio();
        // Five annotations: below the ten a first run needs, so nothing but the prefetch asks for these images.
        List<Task> tasks = labelStudio.shapeTasks(PROJECT, 5, 3000, new Random(9));
        live.annotateShapes(tasks, 0, 5, 7000);

        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (labelStudio.imagesServed() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(labelStudio.imagesServed()).isEqualTo(5);
        assertThat(live.get("/api/v1/projects/7/models").path("models")).as("no run yet").isEmpty();
    }

    private static String label(int index) {
        return ShapeScenes.LABELS.get(index);
    }
}
