/**
 * Pre-labels a whole Label Studio project in the background: a job that pages the project's tasks through Label
 * Studio's API ({@link dev.flywheel.backend.prelabeljob.TaskSource}), predicts them in bounded batches with one version
 * ({@link dev.flywheel.backend.prelabeljob.JobPredictor}) and writes the predictions back in bulk
 * ({@link dev.flywheel.backend.prelabeljob.PredictionSink}). The three parts know nothing of each other, so the same
 * job can later run on other engines; the job's state and every task's outcome are in the store, so it survives a
 * kill and never predicts a task twice.
 */
package dev.flywheel.backend.prelabeljob;
