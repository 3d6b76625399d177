/**
 * Benchmarks of the real backend on this machine (not tests): {@code /predict} latency against the bare predictor, and a
 * Fashion-MNIST replay through Label Studio's webhooks. {@link dev.flywheel.backend.bench.Benchmarks} writes
 * {@code docs/PERFORMANCE.md}.
 */
package dev.flywheel.backend.bench;
