/** Assembles the insights API's replies from the store, the registry and the analytics functions. */
package dev.flywheel.backend.insights;
