package dev.flywheel.backend.labelconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.fixtures.LabelStudioFixtures;
import org.junit.jupiter.api.Test;

class LabelConfigParserTest {

    private final LabelConfigParser parser = new LabelConfigParser();

    @Test
    void choicesOnAnImageAreFoundWithTheImageTheyLabel() throws Exception {
        LabelConfig config = parser.parse(fixture("label-config-image-classification-choices.xml"));

        ServingTarget target = config.onImage("Choices", control -> true).orElseThrow();
        assertThat(target.control().name()).isEqualTo("label");
        assertThat(target.control().resultType()).isEqualTo("choices");
        assertThat(target.image().name()).isEqualTo("image");
        assertThat(target.image().dataKey()).isEqualTo("image_url");
        assertThat(target.control().labelValues()).containsExactly("pos", "neg");
        assertThat(target.control().multiple()).isFalse();
        assertThat(config.onImage("Choices", ControlTag::multiple)).as("a control the caller does not accept").isEmpty();
    }

    @Test
    void rectangleLabelsCarryTheirLabelMapAndThreshold() throws Exception {
        LabelConfig config = parser.parse(fixture("label-config-object-detection-rectanglelabels.xml"));

        ControlTag control = config.onImage("RectangleLabels", c -> true).orElseThrow().control();
        assertThat(control.resultType()).isEqualTo("rectanglelabels");
        assertThat(control.labelValues()).containsExactly("Airplane", "Car");
        assertThat(control.modelClassToLabel()).containsEntry("car", "Car").containsEntry("truck", "Car").containsEntry("Airplane", "Airplane");
        assertThat(control.doubleAttribute("model_score_threshold")).hasValue(0.25);
    }

    @Test
    void controlsAreKeptInConfigOrder() throws Exception {
        LabelConfig config = parser.parse(fixture("label-config-image-bbox-and-choices.xml"));

        assertThat(config.controls()).extracting(ControlTag::type).containsExactly("Choices", "RectangleLabels");
    }

    @Test
    void polygonsBrushesAndKeypointsAreDescribed() throws Exception {
        for (String name : new String[] {"label-config-polygonlabels.xml", "label-config-brushlabels.xml", "label-config-keypointlabels-pose.xml"}) {
            assertThat(parser.parse(fixture(name)).describe()).as(name).contains("Image(image)");
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

        assertThat(config.onImage("Choices", c -> true).orElseThrow().control().multiple()).isTrue();
    }

    @Test
    void choicesOnTextAreNotOnAnImage() {
        LabelConfig config = parser.parse("""
                <View><Text name="text" value="$text"/>
                <Choices name="sentiment" toName="text"><Choice value="pos"/></Choices></View>""");

        assertThat(config.onImage("Choices", c -> true)).isEmpty();
        assertThat(config.describe()).isEqualTo("Text(text) + Choices(sentiment→text)");
    }

    @Test
    void malformedXmlIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> parser.parse("<View><Image name=\"image\""))
                .isInstanceOf(LabelConfigException.class)
                .hasMessageStartingWith("the label config is not well-formed XML (line 1, column")
                .message().doesNotContain("XML document structures").doesNotContain("org.xml");
    }

    @Test
    void entityExpansionAndExternalEntitiesAreRefused() {
        String billionLaughs = """
                <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
                <View><Image name="image" value="$image"/><Choices name="c" toName="image"><Choice value="&lol2;"/></Choices></View>""";
        String external = """
                <?xml version="1.0"?><!DOCTYPE v [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <View><Header value="&xxe;"/></View>""";

        assertThatThrownBy(() -> parser.parse(billionLaughs)).isInstanceOf(LabelConfigException.class)
                .message().contains("line 1").doesNotContain("http://apache.org").doesNotContain("feature");
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
