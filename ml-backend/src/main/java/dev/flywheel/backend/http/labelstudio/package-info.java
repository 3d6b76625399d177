/** Label Studio's ML-backend protocol endpoints: translate requests to the prelabel, project and annotation services. */
package dev.flywheel.backend.http.labelstudio;
