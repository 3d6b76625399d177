/** Answers Label Studio's predict requests: each task's image through the active version, mapped to Label Studio regions. */
package dev.flywheel.backend.prelabel;
