/**
 * What Flywheel asks of the operating system (Linux; elsewhere nothing): heavy work on threads that yield the CPU to
 * request threads.
 */
package dev.flywheel.backend.os;
