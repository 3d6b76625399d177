/**
 * The plugin's views: widgets only. They build their controls, schedule a job from
 * {@code core.jobs} and render its outcome on the UI thread.
 */
package dev.flywheel.eclipse.ui.views;
