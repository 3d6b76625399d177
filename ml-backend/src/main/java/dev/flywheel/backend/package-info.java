/**
 * The composition root: {@link dev.flywheel.backend.Main} reads the configuration and runs a
 * {@link dev.flywheel.backend.Backend}, which builds every collaborator with {@code new} (the served task kinds, the
 * work pools), starts them and closes them in reverse order; the one-shot {@code prelabel} command runs beside it.
 */
package dev.flywheel.backend;
