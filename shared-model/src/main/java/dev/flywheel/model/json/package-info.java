/** The single Jackson configuration shared by every Flywheel wire. */
package dev.flywheel.model.json;
