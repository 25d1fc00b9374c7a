package io.github.foundryagents.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The job a {@link JobHandler} is processing. Valid only while the handler runs.
 */
public interface Job {

    /** @return the job id */
    String id();

    /** @return the job name */
    String name();

    /** @return the payload as stored (JSON text) */
    String dataJson();

    /** @return the payload parsed */
    default JsonNode data() {
        return Json.parse(dataJson().getBytes(StandardCharsets.UTF_8));
    }

    /** @return attempts finished before this one (0 on the first run) */
    int attemptsMade();

    /** @return attempts started, this one included; larger than attemptsMade + 1 after a worker crash */
    int attemptsStarted();

    /** @return when the job was added */
    Instant createdAt();

    /** @return the job's options as the worker understood them */
    JobOptions options();

    /**
     * Reports progress: stored on the job and sent to {@link WorkerListener#onProgress}.
     *
     * @param progress a number or any JSON-serialisable value
     */
    void updateProgress(Object progress);
}
