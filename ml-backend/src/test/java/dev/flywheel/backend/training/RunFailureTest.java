package dev.flywheel.backend.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class RunFailureTest {

    @Test
    void aSentenceFlywheelWroteIsKeptForTheRunRecord() {
        assertThat(RunFailure.describe(new IllegalStateException("training needs images of at least two classes")))
                .isEqualTo("training needs images of at least two classes");
    }

    @Test
    void aLibrarysTextNeverReachesTheRunRecord() {
        RuntimeException fromLibrary;
        try {
            java.nio.file.Path.of("\0/var/lib/flywheel/models/7/v3/flywheel-0000.params");
            throw new AssertionError("the JDK accepted a NUL in a path");
        } catch (RuntimeException e) {
            fromLibrary = e;
        }

        assertThat(RunFailure.describe(fromLibrary)).isEqualTo(RunFailure.INTERNAL).doesNotContain("/var/lib").doesNotContain("Exception");
    }

    @Test
    void aFullDiskIsNamedWithoutThePathOfTheFileThatDidNotFit() {
        UncheckedIOException full = new UncheckedIOException("could not publish version v3 (see the log)",
                new IOException("/var/lib/flywheel/models/7/.staging-v3/model.params: No space left on device"));

        assertThat(RunFailure.describe(full)).startsWith("no space left").doesNotContain("/var/lib");
    }
}
