/**
 * Reads Label Studio's API for what webhooks do not carry: a project's already labelled tasks, pulled through the
 * image package's client and token handling and stored through the same intake webhooks use.
 */
package dev.flywheel.backend.labelstudio;
