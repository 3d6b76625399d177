package dev.flywheel.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.backend.image.ImageSource;
import dev.flywheel.backend.kind.ServedConfig;
import dev.flywheel.backend.kind.TaskKinds;
import dev.flywheel.backend.kind.UnsupportedLabelConfigException;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import dev.flywheel.backend.registry.AuditFiles;
import dev.flywheel.backend.registry.ModelRegistry;
import dev.flywheel.backend.store.SqliteStore;
import dev.flywheel.backend.training.DatasetAssembler;
import dev.flywheel.backend.training.TrainingSettings;
import dev.flywheel.fixtures.LabelStudioFixtures;
import dev.flywheel.model.json.FlywheelJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedKindsTest {

    private static final LabelStudioFixtures FIXTURES = new LabelStudioFixtures();
    private final LabelConfigParser parser = new LabelConfigParser();

    @TempDir
    Path home;

    private SqliteStore store;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private TaskKinds kinds;

    @BeforeEach
    void buildTheKinds() {
        ObjectMapper mapper = FlywheelJson.newMapper();
        store = SqliteStore.openInHome(home, Clock.systemUTC());
        ModelRegistry registry = new ModelRegistry(home.resolve("models"), mapper);
        ImageSource noImages = (project, task, reference) -> {
            throw new IllegalStateException("no images in this test");
        };
        kinds = ServedKinds.build(new ServedKinds.Parts(home, store, registry, new DatasetAssembler(noImages, Runnable::run),
                new AuditFiles(home.resolve("audits"), mapper), TrainingSettings.defaults(), mapper, Clock.systemUTC(), 0, Optional.empty(),
                Optional.empty()), owned);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : owned) {
            closeable.close();
        }
        store.close();
    }

    @Test
    void anImageWithChoicesIsServedAsImageClassification() throws Exception {
        ServedConfig served = serve("label-config-image-classification-choices.xml");

        assertThat(served.kindName()).isEqualTo("image_classification");
        assertThat(served.labels()).containsExactly("pos", "neg");
        assertThat(served.target().orElseThrow().control().name()).isEqualTo("label");
        assertThat(served.target().orElseThrow().image().dataKey()).isEqualTo("image_url");
    }

    @Test
    void anImageWithMultipleChoicesIsServedAsMultiLabelClassificationNotAsASingleChoice() throws Exception {
        ServedConfig served = serve("label-config-image-multilabel-fashion.xml");

        assertThat(served.kindName()).isEqualTo("multi_label_classification");
        assertThat(served.labels()).hasSize(14).contains("Sneaker", "footwear");
        assertThat(served.target().orElseThrow().control().multiple()).isTrue();
    }

    @Test
    void anImageWithRectangleLabelsIsServedAsObjectDetection() throws Exception {
        ServedConfig served = serve("label-config-object-detection-rectanglelabels.xml");

        assertThat(served.kindName()).isEqualTo("object_detection");
        assertThat(served.labels()).containsExactly("Airplane", "Car");
    }

    @Test
    void boxesWinOverChoicesWhenAConfigHasBoth() throws Exception {
        assertThat(serve("label-config-image-bbox-and-choices.xml").kindName()).isEqualTo("object_detection");
    }

    @Test
    void polygonsBrushesKeypointsAndChoicesOnTextAreRefusedWithWhatIsServed() throws Exception {
        for (String name : List.of("label-config-polygonlabels.xml", "label-config-brushlabels.xml", "label-config-keypointlabels-pose.xml")) {
            ServedConfig served = serve(name);

            assertThat(served.kindName()).as(name).isEqualTo(TaskKinds.UNSUPPORTED);
            assertThat(served.labels()).as(name).isEmpty();
            assertThatThrownBy(served::require).as(name).isInstanceOf(UnsupportedLabelConfigException.class)
                    .hasMessageContaining("<RectangleLabels> (object detection)").hasMessageContaining("<Choices> (image classification)")
                    .hasMessageContaining("Image(image)");
        }
        ServedConfig text = kinds.serve(parser.parse("""
                <View><Text name="text" value="$text"/>
                <Choices name="sentiment" toName="text"><Choice value="pos"/></Choices></View>"""));
        assertThat(text.kind()).isEmpty();
    }

    @Test
    void eachKindHasOneSpellingTheInsightsApiUsesToo() {
        assertThat(kinds.all()).extracting(kind -> kind.name()).containsExactly("object_detection", "multi_label_classification", "image_classification");
        kinds.all().forEach(kind -> assertThat(dev.flywheel.model.api.TaskType.ofWireName(kind.name()))
                .isNotEqualTo(dev.flywheel.model.api.TaskType.UNSUPPORTED));
    }

    private ServedConfig serve(String fixture) throws Exception {
        return kinds.serve(parser.parse(FIXTURES.text(fixture)));
    }
}
