/** Predictions with DJL: the engine, predictor pool, translators per task type and mapping to Label Studio regions. */
package dev.flywheel.backend.inference;
