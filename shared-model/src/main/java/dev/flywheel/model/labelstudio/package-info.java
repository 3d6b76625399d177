/**
 * Label Studio's ML-backend wire records: setup, predict and webhook messages, tasks, annotations,
 * predictions and result regions (one sealed subtype per control tag).
 *
 * <p>Every record is tolerant: only the fields the protocol calls required are checked, and fields
 * Label Studio sends that Flywheel does not model are kept in {@code extra()} and written back unchanged.
 * JSON names are given per component with {@code @JsonProperty} wherever they differ from the Java name.
 */
package dev.flywheel.model.labelstudio;
