package dev.flywheel.backend.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import org.junit.jupiter.api.Test;

class PrelabelUseTest {

    private static final ObjectMapper MAPPER = FlywheelJson.newMapper();
    private static final String BOXES = "[" + box("a", "Car", 10, 10) + "," + box("b", "Person", 50, 20) + "]";

    @Test
    void aPrelabelSubmittedAsItWasIsAcceptedWhateverTheEditorAddsToItsRegions() {
        // Label Studio's editor adds origin and keeps the score; a tenth of a point is its rounding, not an edit.
        String submitted = "[" + box("a", "Car", 10.1, 10).replace("}}", "},\"origin\":\"prediction\"}") + "," + box("b", "Person", 50, 20) + "]";
        assertThat(PrelabelUse.of(BOXES, submitted, MAPPER)).contains(PrelabelUse.ACCEPTED);
    }

    @Test
    void aMovedBoxAnAddedBoxOrADeletedBoxIsAnEdit() {
        assertThat(PrelabelUse.of(BOXES, "[" + box("a", "Car", 20, 15) + "," + box("b", "Person", 50, 20) + "]", MAPPER)).contains(PrelabelUse.EDITED);
        assertThat(PrelabelUse.of(BOXES, "[" + box("b", "Person", 50, 20) + "]", MAPPER)).contains(PrelabelUse.EDITED);
        assertThat(PrelabelUse.of(BOXES, BOXES.replace("]", "," + box("c", "Car", 70, 70) + "]"), MAPPER)).contains(PrelabelUse.EDITED);
        assertThat(PrelabelUse.of(BOXES, "[" + box("a", "Person", 10, 10) + "," + box("b", "Person", 50, 20) + "]", MAPPER))
                .as("a box relabelled in place").contains(PrelabelUse.EDITED);
    }

    @Test
    void anotherChoiceOrOnlyNewBoxesReplaceThePrelabel() {
        assertThat(PrelabelUse.of(choice("cat"), choice("dog"), MAPPER)).contains(PrelabelUse.REPLACED);
        assertThat(PrelabelUse.of(BOXES, "[" + box("z", "Car", 80, 80) + "]", MAPPER)).contains(PrelabelUse.REPLACED);
        assertThat(PrelabelUse.of(choice("cat"), choice("cat"), MAPPER)).contains(PrelabelUse.ACCEPTED);
    }

    @Test
    void aTagTickedOrUntickedAmongPrelabelledTagsIsAnEditAndAllTagsChangedAReplacement() {
        String tags = choice("cat\",\"outdoor");
        assertThat(PrelabelUse.of(tags, choice("cat\",\"night"), MAPPER)).as("one tag swapped for another").contains(PrelabelUse.EDITED);
        assertThat(PrelabelUse.of(tags, choice("cat"), MAPPER)).as("one tag unticked").contains(PrelabelUse.EDITED);
        assertThat(PrelabelUse.of(tags, choice("cat\",\"outdoor\",\"night"), MAPPER)).as("one tag ticked").contains(PrelabelUse.EDITED);
        assertThat(PrelabelUse.of(tags, choice("dog\",\"night"), MAPPER)).contains(PrelabelUse.REPLACED);
        assertThat(PrelabelUse.of(tags, choice("outdoor\",\"cat"), MAPPER)).contains(PrelabelUse.ACCEPTED);
    }

    @Test
    void anUnreadableResultIsNotGuessed() {
        assertThat(PrelabelUse.of(BOXES, "{not json", MAPPER)).isEmpty();
    }

    private static String box(String id, String label, double x, double y) {
        return "{\"id\":\"" + id + "\",\"from_name\":\"label\",\"to_name\":\"image\",\"type\":\"rectanglelabels\",\"value\":{\"x\":" + x + ",\"y\":" + y
                + ",\"width\":20,\"height\":10,\"rotation\":0,\"rectanglelabels\":[\"" + label + "\"]}}";
    }

    private static String choice(String label) {
        return "[{\"from_name\":\"label\",\"to_name\":\"image\",\"type\":\"choices\",\"value\":{\"choices\":[\"" + label + "\"]}}]";
    }
}
