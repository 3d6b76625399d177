/**
 * Multi-label image classification (tagging), one {@code <Choices choice="multiple">} over one {@code <Image>}: the
 * task kind, its versions' pre-labels (every tag above its calibrated threshold), its tag issues (confident learning
 * per label) and its run comparison (micro- and macro-F1, mAP, per-label F1).
 */
package dev.flywheel.backend.kind.multilabel;
