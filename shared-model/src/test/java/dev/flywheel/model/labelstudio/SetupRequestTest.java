package dev.flywheel.model.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.QuotedJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupRequestTest {

    private final ObjectMapper mapper = QuotedJson.MAPPER;

    @Test
    void extra_params_sent_as_an_object_are_read_as_a_map() throws Exception {
        SetupRequest request = QuotedJson.read("{'project':'3.17','extra_params':{'threshold':0.5}}", SetupRequest.class);

        assertThat(request.extraParams()).containsEntry("threshold", 0.5);
    }

    @Test
    void extra_params_sent_as_json_inside_a_string_are_read_as_the_same_map() throws Exception {
        SetupRequest request = mapper.readValue(
                "{\"project\":\"3.17\",\"extra_params\":\"{\\\"threshold\\\": 0.5, \\\"labels\\\": [\\\"a\\\"]}\"}",
                SetupRequest.class);

        assertThat(request.extraParams()).containsEntry("threshold", 0.5).containsKey("labels");
    }

    @Test
    void extra_params_as_an_empty_string_or_null_mean_none() throws Exception {
        assertThat(QuotedJson.read("{'project':'3','extra_params':''}", SetupRequest.class).extraParams()).isNull();
        assertThat(QuotedJson.read("{'project':'3','extra_params':null}", SetupRequest.class).extraParams()).isNull();
    }

    @Test
    void extra_params_as_a_string_that_is_not_a_json_object_are_rejected_clearly() {
        assertThatThrownBy(() -> QuotedJson.read("{'project':'3','extra_params':'[1,2]'}", SetupRequest.class))
                .hasMessageContaining("extra_params must be a JSON object");
    }

    @Test
    void extra_params_are_written_back_as_an_object_whatever_form_they_came_in() throws Exception {
        SetupRequest request = mapper.readValue("{\"project\":\"3\",\"extra_params\":\"{\\\"k\\\":1}\"}", SetupRequest.class);

        assertThat(mapper.writeValueAsString(request)).isEqualTo("{\"project\":\"3\",\"extra_params\":{\"k\":1}}");
    }

    @Test
    void the_project_id_is_the_number_before_the_dot_of_the_uid() throws Exception {
        assertThat(QuotedJson.read("{'project':'42.1746612998'}", SetupRequest.class).projectId()).isEqualTo(42L);
        assertThat(QuotedJson.read("{'project':'42'}", SetupRequest.class).projectId()).isEqualTo(42L);
    }

    @Test
    void a_setup_without_project_is_rejected() {
        assertThatThrownBy(() -> QuotedJson.read("{'schema':'<View/>'}", SetupRequest.class)).hasMessageContaining("project is required");
    }

    @Test
    void the_access_token_never_appears_in_toString() {
        SetupRequest request = new SetupRequest("1.2", "<View/>", "http://ls", "secret-token", null, Map.of(), null);

        assertThat(request.toString()).doesNotContain("secret-token");
    }
}
