package dev.flywheel.model.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProjectUidTest {

    @Test
    void the_id_is_read_from_before_the_first_dot() {
        assertThat(ProjectUid.idOf("3.1746612998")).isEqualTo(3L);
        assertThat(ProjectUid.idOf("12.34.56")).isEqualTo(12L);
    }

    @Test
    void a_bare_number_is_its_own_id() {
        assertThat(ProjectUid.idOf("42")).isEqualTo(42L);
    }

    @Test
    void missing_blank_negative_or_non_numeric_uids_are_rejected() {
        assertThatThrownBy(() -> ProjectUid.idOf(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> ProjectUid.idOf(" ")).hasMessageContaining("missing");
        assertThatThrownBy(() -> ProjectUid.idOf("-1.5")).hasMessageContaining("does not start with a project id");
        assertThatThrownBy(() -> ProjectUid.idOf("+1")).hasMessageContaining("does not start with a project id");
        assertThatThrownBy(() -> ProjectUid.idOf("abc.123")).hasMessageContaining("does not start with a project id");
        assertThatThrownBy(() -> ProjectUid.idOf(".123")).hasMessageContaining("does not start with a project id");
    }
}
