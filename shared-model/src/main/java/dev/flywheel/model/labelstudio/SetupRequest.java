package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * The body of {@code POST /setup}, sent right after {@code /health} whenever Label Studio (re)connects.
 *
 * @param project project uid {@code "<id>.<createdAtUnixSeconds>"} (tests send a bare {@code "42"}), required
 * @param schema the current label config XML
 * @param hostname Label Studio's own idea of its URL; often unreachable from a container
 * @param accessToken legacy API token of the project creator
 * @param modelVersion the backend record's version (LS ≈1.7–1.11), else null
 * @param extraParams the connect form's "Extra params", sent as an object or as JSON text in a string;
 *     always held (and written back) as an object
 * @param extra properties Flywheel does not model, kept for the round trip
 */
public record SetupRequest(String project, String schema, String hostname, @JsonProperty("access_token") String accessToken,
        @JsonProperty("model_version") String modelVersion,
        @JsonProperty("extra_params") @JsonDeserialize(using = ExtraParamsDeserializer.class) Map<String, Object> extraParams,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public SetupRequest {
        Copies.required("project", project);
        extraParams = Copies.map(extraParams);
        extra = Copies.extra(extra);
    }

    /** The numeric project id before the dot of {@link #project()}. */
    public long projectId() {
        return ProjectUid.idOf(project);
    }

    @Override
    public String toString() {
        return "SetupRequest[project=" + project + ", hostname=" + hostname + ", accessToken="
                + (accessToken == null ? null : "***") + ", modelVersion=" + modelVersion + ", extraParams="
                + extraParams + "]";
    }
}
