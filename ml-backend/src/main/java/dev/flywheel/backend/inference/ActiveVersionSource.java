package dev.flywheel.backend.inference;

import java.util.Optional;

/** Tells which model version a project serves now; the store keeps the pointer. */
@FunctionalInterface
public interface ActiveVersionSource {

    Optional<String> activeVersion(long project);
}
