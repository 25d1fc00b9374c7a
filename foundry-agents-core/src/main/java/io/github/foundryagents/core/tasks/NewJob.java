package io.github.foundryagents.core.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.util.Objects;

/**
 * A job to add to a {@link TaskQueue}: a name, its data as JSON text (stored exactly as given, so producers in
 * other languages read the same bytes), and its options.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the job's name, e.g. {@code agent-task}; not blank
 * @param dataJson the payload as JSON text
 * @param options the job's options
 */
public record NewJob(String name, String dataJson, JobOptions options) {

    /**
     * @param name the job's name
     * @param dataJson JSON text
     * @param options options
     * @throws IllegalArgumentException when the name is blank or the data is not JSON
     */
    public NewJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataJson, "dataJson");
        Objects.requireNonNull(options, "options");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a job needs a name");
        }
        try {
            Json.mapper().readTree(dataJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("job data must be JSON text; '" + name + "' got invalid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param name the job's name
     * @param data the payload
     * @param options options
     * @return the job
     */
    public static NewJob of(String name, JsonNode data, JobOptions options) {
        return new NewJob(name, new String(Json.bytes(data), java.nio.charset.StandardCharsets.UTF_8), options);
    }

    /**
     * @param name the job's name
     * @param data the payload
     * @return the job with {@link JobOptions#defaults()}
     */
    public static NewJob of(String name, JsonNode data) {
        return of(name, data, JobOptions.defaults());
    }
}
