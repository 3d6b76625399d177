/**
 * Image classification, one {@code <Choices>} over one {@code <Image>}: the task kind, its versions' pre-labels (the
 * most likely choice with a calibrated score), its label issues (confident learning) and its run comparison.
 */
package dev.flywheel.backend.kind.classification;
