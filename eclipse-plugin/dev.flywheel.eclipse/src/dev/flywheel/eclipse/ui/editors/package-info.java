/** The Compare Runs editor and its input: widgets only, loading through {@code core.jobs}. */
package dev.flywheel.eclipse.ui.editors;
