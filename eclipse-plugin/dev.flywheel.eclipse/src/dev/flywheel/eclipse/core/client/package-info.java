/**
 * The only code that talks HTTP to a Flywheel backend: OkHttp for transport, the shared-model
 * Jackson configuration for the wire, no SWT or JFace.
 */
package dev.flywheel.eclipse.core.client;
