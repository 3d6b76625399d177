/** The single error body of every non-2xx response of the insights API. */
package dev.flywheel.model.error;
