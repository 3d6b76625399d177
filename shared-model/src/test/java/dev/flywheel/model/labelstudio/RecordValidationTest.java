package dev.flywheel.model.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

    private final ObjectMapper mapper = FlywheelJson.newMapper();

    private static ChoicesRegion choice(String label) {
        return new ChoicesRegion(RegionHeader.of("label", "image", null), new ChoicesRegion.Value(List.of(label), null));
    }

    @Test
    void a_prediction_without_result_is_rejected_because_label_studio_would_skip_it() {
        assertThatThrownBy(() -> Prediction.of(null, 0.5, "v1")).hasMessageContaining("needs a result");
    }

    @Test
    void a_prediction_with_a_non_finite_score_is_rejected() {
        assertThatThrownBy(() -> Prediction.of(List.of(), Double.NaN, "v1")).hasMessageContaining("score");
    }

    @Test
    void a_task_copies_its_data_so_later_changes_to_the_source_do_not_leak_in() {
        Map<String, Object> data = new HashMap<>();
        data.put("image", "/data/upload/1/a.jpg");
        Task task = Task.of(1L, data);

        data.put("image", "changed");

        assertThat(task.data()).containsEntry("image", "/data/upload/1/a.jpg");
        assertThatThrownBy(() -> task.data().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_task_keeps_null_data_values_because_label_studio_sends_them() {
        Map<String, Object> data = new HashMap<>();
        data.put("image", null);

        assertThat(Task.of(1L, data).data()).containsEntry("image", null);
    }

    @Test
    void a_negative_task_id_is_rejected() {
        assertThatThrownBy(() -> Task.of(-1L, Map.of())).hasMessageContaining("must not be negative");
    }

    @Test
    void a_prediction_copies_its_regions() {
        List<Region> regions = new ArrayList<>(List.of(choice("Car")));
        Prediction prediction = Prediction.of(regions, 0.9, "v1");

        regions.clear();

        assertThat(prediction.result()).hasSize(1);
    }

    @Test
    void a_single_OneOrMany_needs_exactly_one_item() {
        assertThatThrownBy(() -> new OneOrMany<>(List.of(1, 2), false)).hasMessageContaining("exactly one item");
    }

    @Test
    void a_predict_response_entry_keeps_its_shape_one_prediction_or_a_list() throws Exception {
        String json = "{\"results\":[{\"result\":[]},[{\"result\":[]},{\"result\":[]}]]}";

        PredictResponse response = mapper.readValue(json, PredictResponse.class);

        assertThat(response.results()).extracting(OneOrMany::array).containsExactly(false, true);
        assertThat(response.predictions()).hasSize(3);
        assertThat(mapper.writeValueAsString(response)).isEqualTo(json);
    }

    @Test
    void completed_by_may_be_an_id_or_a_user_object() throws Exception {
        Annotation byId = mapper.readValue("{\"completed_by\":7}", Annotation.class);
        Annotation byObject = mapper.readValue("{\"completed_by\":{\"id\":7,\"email\":\"a@b\"}}", Annotation.class);

        assertThat(byId.completedBy().id()).isEqualTo(7L);
        assertThat(byObject.completedBy().id()).isEqualTo(7L);
        assertThat(byObject.completedBy().details()).containsEntry("email", "a@b");
        assertThat(mapper.writeValueAsString(byObject)).isEqualTo("{\"completed_by\":{\"id\":7,\"email\":\"a@b\"}}");
    }

    @Test
    void file_upload_may_be_an_id_or_a_file_name() throws Exception {
        assertThat(mapper.readValue("{\"file_upload\":4}", Task.class).fileUpload()).isEqualTo(FileUpload.ofId(4));
        assertThat(mapper.readValue("{\"file_upload\":\"a.json\"}", Task.class).fileUpload())
                .isEqualTo(FileUpload.ofName("a.json"));
    }

    @Test
    void predict_params_are_written_with_explicit_nulls_like_label_studio_sends_them() throws Exception {
        assertThat(mapper.writeValueAsString(PredictParams.none()))
                .isEqualTo("{\"login\":null,\"password\":null,\"context\":null}");
    }
}
