/** Pure functions over stored data and manifests: metrics, class balance, label issues, agreement, drift, learning curves. */
package dev.flywheel.backend.analytics;
