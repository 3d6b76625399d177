/**
 * Turns a task's data reference into decoded pixels: Label Studio uploads with the right token, local files
 * under the allowed root, presigned cloud URLs, plain http(s) and {@code data:} URIs, all within size, pixel,
 * time and address limits, with a bounded disk cache.
 *
 * <p>Only {@link dev.flywheel.backend.image.ImageFetcher}, its settings and its results are public, plus
 * {@link dev.flywheel.backend.image.LabelStudioRequests}, which lends the same client and token handling to Label Studio
 * API calls; the
 * protocol details (reference forms, redirects, token refresh, the address guard) stay package-private.
 */
package dev.flywheel.backend.image;
