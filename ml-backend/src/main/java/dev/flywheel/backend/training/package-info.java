/** Background training: the queue and its policy, dataset assembly from stored annotations, the DJL loop and hold-out evaluation. */
package dev.flywheel.backend.training;
