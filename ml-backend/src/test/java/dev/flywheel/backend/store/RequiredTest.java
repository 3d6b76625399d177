package dev.flywheel.backend.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequiredTest {

    @Test
    void theFirstAbsentComponentFailsByItsName() {
        assertThatThrownBy(() -> Required.components("id version status", "job-1", null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("version");
        assertThatCode(() -> Required.components("id error", "job-1", Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void aRecordNamesTheComponentItLacks() {
        assertThatThrownBy(() -> new Project(StoreFixtures.project(1, "cat"), 1, null, StoreFixtures.CREATED, StoreFixtures.CREATED))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("activeVersion");
    }

    @Test
    void namesThatDoNotMatchTheComponentsAreAMistakeInTheRecord() {
        assertThatThrownBy(() -> Required.components("id version", "job-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 names for 1 components");
    }
}
