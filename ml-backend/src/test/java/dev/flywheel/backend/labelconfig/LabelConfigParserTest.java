package dev.flywheel.backend.labelconfig;

import dev.flywheel.model.api.TaskType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.fixtures.LabelStudioFixtures;
import org.junit.jupiter.api.Test;

class LabelConfigParserTest {

    private final LabelConfigParser parser = new LabelConfigParser();

    @Test
    void imageWithChoicesIsServedAsImageClassification() throws Exception {
        LabelConfig config = parser.parse(fixture("label-config-image-classification-choices.xml"));

        assertThat(config.taskType()).isEqualTo(TaskType.IMAGE_CLASSIFICATION);
        ServingTarget target = config.servingTarget().orElseThrow();
        assertThat(target.control().name()).isEqualTo("label");
        assertThat(target.control().resultType()).isEqualTo("choices");
        assertThat(target.image().name()).isEqualTo("image");
        assertThat(target.image().dataKey()).isEqualTo("image_url");
        assertThat(config.labels()).containsExactly("pos", "neg");
        assertThat(target.control().multiple()).isFalse();
    }

    @Test
    void imageWithRectangleLabelsIsServedAsObjectDetectionWithItsLabelMap() throws Exception {
        LabelConfig config = parser.parse(fixture("label-config-object-detection-rectanglelabels.xml"));

        assertThat(config.taskType()).isEqualTo(TaskType.OBJECT_DETECTION);
        ControlTag control = config.servingTarget().orElseThrow().control();
        assertThat(control.resultType()).isEqualTo("rectanglelabels");
        assertThat(config.labels()).containsExactly("Airplane", "Car");
        assertThat(control.modelClassToLabel()).containsEntry("car", "Car").containsEntry("truck", "Car").containsEntry("Airplane", "Airplane");
        assertThat(control.doubleAttribute("model_score_threshold")).hasValue(0.25);
    }

    @Test
    void boxesWinOverChoicesWhenAConfigHasBoth() throws Exception {
        LabelConfig config = parser.parse(fixture("label-config-image-bbox-and-choices.xml"));

        assertThat(config.taskType()).isEqualTo(TaskType.OBJECT_DETECTION);
        assertThat(config.controls()).extracting(ControlTag::type).containsExactly("Choices", "RectangleLabels");
    }

    @Test
    void polygonsBrushesAndKeypointsAreUnsupportedAndDescribed() throws Exception {
        for (String name : new String[] {"label-config-polygonlabels.xml", "label-config-brushlabels.xml", "label-config-keypointlabels-pose.xml"}) {
            LabelConfig config = parser.parse(fixture(name));

            assertThat(config.taskType()).as(name).isEqualTo(TaskType.UNSUPPORTED);
            assertThat(config.servingTarget()).as(name).isEmpty();
            assertThat(config.describe()).as(name).contains("Image(image)");
        }
    }

    @Test
    void labelsInsideNestedViewsOfAControlAreFoundOnceEach() throws Exception {
        ControlTag keypoints = parser.parse(fixture("label-config-keypointlabels-pose.xml")).controls().getFirst();

        assertThat(keypoints.labelValues()).hasSize(17).startsWith("nose", "left_eye").contains("right_ankle", "left_knee");
        assertThat(keypoints.labels()).hasSize(18);
    }

    @Test
    void multipleChoiceIsRecognised() {
        LabelConfig config = parser.parse("""
                <View><Image name="img" value="$image"/>
                <Choices name="tags" toName="img" choice="multiple"><Choice value="a"/><Choice value="b"/></Choices></View>""");

        assertThat(config.servingTarget().orElseThrow().control().multiple()).isTrue();
    }

    @Test
    void choicesOnTextAreNotServed() {
        LabelConfig config = parser.parse("""
                <View><Text name="text" value="$text"/>
                <Choices name="sentiment" toName="text"><Choice value="pos"/></Choices></View>""");

        assertThat(config.taskType()).isEqualTo(TaskType.UNSUPPORTED);
        assertThat(config.describe()).isEqualTo("Text(text) + Choices(sentiment→text)");
    }

    @Test
    void malformedXmlIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> parser.parse("<View><Image name=\"image\""))
                .isInstanceOf(LabelConfigException.class)
                .hasMessageStartingWith("the label config is not well-formed XML");
    }

    @Test
    void entityExpansionAndExternalEntitiesAreRefused() {
        String billionLaughs = """
                <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <View><Image name="image" value="$image"/><Choices name="c" toName="image"><Choice value="&lol2;"/></Choices></View>""";
        String external = """
                <?xml version="1.0"?><!DOCTYPE v [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <View><Header value="&xxe;"/></View>""";

        assertThatThrownBy(() -> parser.parse(billionLaughs)).isInstanceOf(LabelConfigException.class);
        assertThatThrownBy(() -> parser.parse(external))
                .isInstanceOf(LabelConfigException.class)
                .message()
                .doesNotContain("root:");
    }

    @Test
    void emptyConfigIsRefused() {
        assertThatThrownBy(() -> parser.parse("  ")).isInstanceOf(LabelConfigException.class).hasMessage("the label config is empty");
    }

    private static String fixture(String name) throws Exception {
        return new LabelStudioFixtures().text(name);
    }
}
