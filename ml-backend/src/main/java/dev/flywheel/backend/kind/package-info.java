/**
 * The one seam where behaviour differs by task kind: {@link dev.flywheel.backend.kind.TaskKind} and the one list of
 * kinds, the label configs they serve, and the versions they predict with (loaded, reference-counted, one cache of the
 * active ones). Intake, store, queue, registry and the insights API go through it and know no kind.
 */
package dev.flywheel.backend.kind;
