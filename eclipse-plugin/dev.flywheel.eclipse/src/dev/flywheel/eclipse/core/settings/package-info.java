/**
 * The plugin's preference keys and defaults in one place, the connected backends, and the secure
 * storage of their passwords; no SWT or JFace.
 */
package dev.flywheel.eclipse.core.settings;
