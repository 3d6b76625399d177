/**
 * What happens when: at start (recovery from an interrupted run), on {@code /setup}, on a stored annotation and after a
 * version is published. {@code Backend} wires these; each is a named class with its own test.
 */
package dev.flywheel.backend.workflow;
