package dev.flywheel.eclipse.ui.views;

/** One line of the datasets table: what is shown and its value. */
record DatasetRow(String item, String value) {}
