/**
 * Object detection, {@code <RectangleLabels>} over one {@code <Image>}: the task kind, its versions' pre-labels
 * (thresholded, suppressed boxes in percent), its box label issues (missing, spurious, swapped) and its run comparison
 * by mAP.
 */
package dev.flywheel.backend.kind.detection;
