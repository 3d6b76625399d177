/** Immutable model versions on disk: a folder of parameters plus a manifest, written atomically, listed and loaded. */
package dev.flywheel.backend.registry;
