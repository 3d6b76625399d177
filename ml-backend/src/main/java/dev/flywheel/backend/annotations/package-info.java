/** Turns Label Studio's webhook events into stored tasks and annotations and into training triggers. */
package dev.flywheel.backend.annotations;
