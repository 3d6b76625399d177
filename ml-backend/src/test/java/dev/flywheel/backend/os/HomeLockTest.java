package dev.flywheel.backend.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flywheel.backend.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondBackendOnTheSameHomeIsRefusedNamingTheLockUntilTheFirstLetsGo() throws Exception {
        HomeLock first = HomeLock.acquire(home);
        try {
            assertThatThrownBy(() -> HomeLock.acquire(home))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(home.resolve(HomeLock.FILE).toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        } finally {
            first.close();
        }

        HomeLock again = HomeLock.acquire(home);
        assertThat(home.resolve(HomeLock.FILE)).content().startsWith("pid ");
        again.close();
    }
}
