/**
 * Records of Flywheel's insights API ({@code /api/v1}): projects, dataset stats, label issues, model versions,
 * run comparisons, learning curves, pre-label savings and drift; JSON names are snake_case exactly as the contract.
 */
package dev.flywheel.model.api;
