/**
 * Eclipse Jobs that call the backend client in the background, in one job family, and hand their
 * outcome to a listener; no SWT or JFace.
 */
package dev.flywheel.eclipse.core.jobs;
