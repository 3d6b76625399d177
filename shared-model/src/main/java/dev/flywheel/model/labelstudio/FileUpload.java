package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A task's {@code file_upload}: the upload's numeric id in batch tasks, its file name in interactive tasks.
 *
 * @param id the upload id, or null when the wire form is a name
 * @param name the file name, or null when the wire form is an id
 */
public record FileUpload(Long id, String name) {

    public FileUpload {
        if ((id == null) == (name == null)) {
            throw new IllegalArgumentException("a file upload is either an id or a name");
        }
    }

    /** An upload referenced by id. */
    public static FileUpload ofId(long id) {
        return new FileUpload(id, null);
    }

    /** An upload referenced by file name. */
    public static FileUpload ofName(String name) {
        return new FileUpload(null, name);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static FileUpload fromJson(Object json) {
        if (json instanceof Number number) {
            return ofId(number.longValue());
        }
        if (json instanceof String text) {
            return ofName(text);
        }
        throw new IllegalArgumentException("file_upload must be a number or a string, was " + json);
    }

    @JsonValue
    Object json() {
        return id != null ? id : name;
    }
}
