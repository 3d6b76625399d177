package dev.flywheel.backend.store;

import static dev.flywheel.backend.store.StoreFixtures.CLOCK;

import dev.flywheel.backend.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/** The databases the store contract runs on; a test opens "its" store by its temporary folder, again after a restart. */
enum Vendor {

    SQLITE {
        @Override
        JdbcStore open(Path home) {
            return SqliteStore.openInHome(home, CLOCK);
        }
    },

    POSTGRESQL {
        @Override
        JdbcStore open(Path home) {
            // One database per test folder, so tests stay apart and a reopen finds what the test stored.
            String name = "t_" + UUID.nameUUIDFromBytes(home.toString().getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            return PostgresStore.open(TestPostgres.shared().database(name), CLOCK);
        }
    };

    /** Opens (creating when absent) the store that belongs to {@code home}. */
    abstract JdbcStore open(Path home);

    /** Opens the store of {@code home} with project {@link StoreFixtures#PROJECT} (labels cat, dog) saved. */
    JdbcStore openWithProject(Path home) {
        JdbcStore store = open(home);
        store.projects().save(StoreFixtures.project(StoreFixtures.PROJECT, "cat", "dog"));
        return store;
    }
}
