/**
 * Answers Label Studio's predict requests: each task's image through the version that serves its project's kind,
 * in bounded chunks, one prediction per task in request order, and the log of what was served.
 */
package dev.flywheel.backend.prelabel;
