/** The one mapping from failures to {@code ApiError} bodies, request-body parsing, and basic auth. */
package dev.flywheel.backend.http.errors;
