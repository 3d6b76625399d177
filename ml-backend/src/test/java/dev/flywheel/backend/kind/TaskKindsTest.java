package dev.flywheel.backend.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.backend.labelconfig.LabelConfigParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskKindsTest {

    private static final String BOTH = """
            <View><Image name="image" value="$image"/>
            <Choices name="choice" toName="image"><Choice value="a"/><Choice value="b"/></Choices>
            <RectangleLabels name="box" toName="image"><Label value="car"/></RectangleLabels></View>""";

    private final LabelConfigParser parser = new LabelConfigParser();
    private final FakeKind boxes = new FakeKind("boxes", "RectangleLabels");
    private final FakeKind choices = new FakeKind("choices", "Choices");

    @Test
    void theFirstKindListedThatMatchesServesAConfig() {
        assertThat(new TaskKinds(List.of(boxes, choices)).serve(parser.parse(BOTH)).kind()).containsSame(boxes);
        assertThat(new TaskKinds(List.of(choices, boxes)).serve(parser.parse(BOTH)).kind()).containsSame(choices);
    }

    @Test
    void aServedConfigCarriesTheKindsTargetAndLabels() {
        ServedConfig served = new TaskKinds(List.of(choices)).serve(parser.parse(BOTH));

        assertThat(served.kindName()).isEqualTo("choices");
        assertThat(served.target().orElseThrow().control().name()).isEqualTo("choice");
        assertThat(served.labels()).containsExactly("a", "b");
        assertThat(served.require()).isSameAs(served);
    }

    @Test
    void aConfigNoKindServesIsRefusedNamingWhatTheKindsServe() {
        ServedConfig served = new TaskKinds(List.of(boxes, choices)).serve(parser.parse("<View><Text name=\"t\" value=\"$t\"/></View>"));

        assertThat(served.kindName()).isEqualTo(TaskKinds.UNSUPPORTED);
        assertThat(served.labels()).isEmpty();
        assertThatThrownBy(served::require).isInstanceOf(UnsupportedLabelConfigException.class)
                .hasMessage("Flywheel serves an <Image> labeled by <RectangleLabels> (boxes) or <Choices> (choices); this label config has"
                        + " Text(t) + no controls");
    }

    @Test
    void kindsAreFoundByTheirOneNameAndTwoKindsCannotShareOne() {
        TaskKinds kinds = new TaskKinds(List.of(boxes, choices));

        assertThat(kinds.named("choices")).containsSame(choices);
        assertThat(kinds.named("CHOICES")).isEmpty();
        assertThatThrownBy(() -> new TaskKinds(List.of(choices, new FakeKind("choices", "Labels")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachDistinctConfigIsParsedOnceWhateverStringCarriesIt() {
        ServedConfigs configs = new ServedConfigs(parser, new TaskKinds(List.of(choices)));

        ServedConfig first = configs.get(BOTH);
        ServedConfig again = configs.get(new String(BOTH.toCharArray()));

        assertThat(again).isSameAs(first);
        assertThat(configs.get(BOTH.replace("\"b\"", "\"c\""))).isNotSameAs(first);
    }
}
