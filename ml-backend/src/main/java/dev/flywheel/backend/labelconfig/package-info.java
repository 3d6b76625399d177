/** Parses Label Studio label configs, safely, into an immutable description of their object and control tags. */
package dev.flywheel.backend.labelconfig;
