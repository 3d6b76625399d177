/**
 * Pure functions over stored data and manifests: metrics, class balance, label issues, agreement, uncertainty,
 * drift, learning curves and run comparison.
 */
package dev.flywheel.backend.analytics;
