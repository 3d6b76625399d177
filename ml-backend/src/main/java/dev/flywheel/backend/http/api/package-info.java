/** The insights API under {@code /api/v1} for the IDE and scripts: translation to the insights services only. */
package dev.flywheel.backend.http.api;
