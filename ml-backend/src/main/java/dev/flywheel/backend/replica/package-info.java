/**
 * What lets several Flywheel processes share one PostgreSQL store and one {@code FLYWHEEL_HOME}: which of them trains
 * (the trainer lease), and how each hears of what the others changed (active versions, annotations stored elsewhere).
 */
package dev.flywheel.backend.replica;
