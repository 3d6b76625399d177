/** The plugin's preference keys and defaults, in one place; no SWT or JFace. */
package dev.flywheel.eclipse.core.settings;
