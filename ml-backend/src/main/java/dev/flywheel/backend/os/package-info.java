/**
 * What Flywheel asks of the operating system (Linux; elsewhere nothing): heavy work on threads that yield the CPU to
 * request threads, and native memory a finished training run freed handed back instead of kept by the allocator.
 */
package dev.flywheel.backend.os;
