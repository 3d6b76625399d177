/**
 * Shaping of backend replies for display: references to projects across backends and the formatting
 * of figures; no SWT or JFace.
 */
package dev.flywheel.eclipse.core.display;
