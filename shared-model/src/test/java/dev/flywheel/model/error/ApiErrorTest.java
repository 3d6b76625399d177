package dev.flywheel.model.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    private final ObjectMapper mapper = FlywheelJson.newMapper();

    @Test
    void an_error_without_fields_is_written_without_a_fields_key() throws Exception {
        assertThat(mapper.writeValueAsString(ApiError.of("project_not_found", "No project 7.")))
                .isEqualTo("{\"error\":\"project_not_found\",\"detail\":\"No project 7.\"}");
    }

    @Test
    void field_messages_are_written_under_fields() throws Exception {
        ApiError error = new ApiError("bad_request", "Invalid parameters.", Map.of("limit", "must be at most 1000"));

        assertThat(mapper.writeValueAsString(error)).contains("\"fields\":{\"limit\":\"must be at most 1000\"}");
    }

    @Test
    void an_error_needs_a_stable_key_and_a_detail() {
        assertThatThrownBy(() -> ApiError.of(" ", "x")).hasMessageContaining("error key");
        assertThatThrownBy(() -> ApiError.of("k", null)).hasMessageContaining("detail");
    }
}
