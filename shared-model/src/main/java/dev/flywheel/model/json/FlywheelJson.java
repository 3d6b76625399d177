package dev.flywheel.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration used on every Flywheel wire: Label Studio, the insights API and the plugin.
 *
 * <p>Unknown fields are ignored because Label Studio adds fields between releases; absent values are
 * omitted on write so replies stay as small as Label Studio's own. An enum value from a newer peer reads as
 * the enum's {@code @JsonEnumDefaultValue} where it declares one. JSON names are snake_case, declared per
 * record component with {@code @JsonProperty} (no global naming strategy, so Label Studio's odd names such as
 * {@code parentID} and {@code radiusX} need no exceptions).
 */
public final class FlywheelJson {

    private FlywheelJson() {}

    /** A new mapper with Flywheel's settings; mappers are thread-safe, so callers keep one. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .build();
    }
}
