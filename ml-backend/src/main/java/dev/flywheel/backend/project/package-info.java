/** What Flywheel knows of each Label Studio project it serves: label config and how to reach Label Studio for it. */
package dev.flywheel.backend.project;
