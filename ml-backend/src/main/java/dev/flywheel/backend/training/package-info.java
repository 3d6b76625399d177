/** Background training: the queue and its policy, dataset assembly from stored annotations, the DJL loop and hold-out evaluation, and heads on an operator's backbone over its cached features. */
package dev.flywheel.backend.training;
