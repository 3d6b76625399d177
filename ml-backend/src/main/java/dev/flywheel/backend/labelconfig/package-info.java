/** Parses Label Studio label configs into an immutable description and decides which task type Flywheel can serve. */
package dev.flywheel.backend.labelconfig;
