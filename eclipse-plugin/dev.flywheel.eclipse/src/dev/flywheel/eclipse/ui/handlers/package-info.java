/**
 * Command handlers: read the selection, ask if need be, schedule a job from {@code core.jobs} and show its outcome on the
 * UI thread.
 */
package dev.flywheel.eclipse.ui.handlers;
