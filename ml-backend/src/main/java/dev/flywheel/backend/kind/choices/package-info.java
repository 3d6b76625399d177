/**
 * What the two kinds that answer a {@code <Choices>} with the built-in CNN (image classification and multi-label
 * classification) share: the kind that hands runs, audits and label issues to its parts, the issues' out-of-sample
 * evidence, and the loaded version that answers each image with one {@code choices} region.
 */
package dev.flywheel.backend.kind.choices;
