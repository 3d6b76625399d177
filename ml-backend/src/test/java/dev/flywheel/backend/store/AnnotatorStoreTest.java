package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs on SQLite and on PostgreSQL: the store contract is one. */
@ParameterizedClass
@EnumSource(Vendor.class)
class AnnotatorStoreTest {

    @Parameter
    Vendor vendor;

    @TempDir
    Path home;

    @Test
    void theNameLabelStudioSentLastForAUserIsKeptPerProject() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            store.annotators().remember(PROJECT, 1, "ann@example.com");
            store.annotators().remember(PROJECT, 2, " Bob Builder ");
            store.annotators().remember(PROJECT, 1, "Ann Smith");

            assertThat(store.annotators().names(PROJECT)).isEqualTo(Map.of(1L, "Ann Smith", 2L, "Bob Builder"));
            assertThat(store.annotators().names(PROJECT + 1)).isEmpty();
        }
    }

    @Test
    void theAuthorOfEachAnnotationIsReadInOneGo() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            store.annotations().save(StoreFixtures.annotation(1, 10, "cat", 7, StoreFixtures.CREATED));
            store.annotations().save(StoreFixtures.annotation(2, 11, "dog", 8, StoreFixtures.CREATED));

            assertThat(store.annotators().authors(PROJECT)).isEqualTo(Map.of(1L, 7L, 2L, 8L));
            assertThat(store.annotators().authors(PROJECT + 1)).isEmpty();
        }
    }

    @Test
    void aBlankNameIsRefused() {
        try (JdbcStore store = vendor.openWithProject(home)) {
            assertThatThrownBy(() -> store.annotators().remember(PROJECT, 1, " ")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
