package io.github.foundryagents.core.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.http.Json;
import java.util.Objects;

/**
 * The body of a task webhook: {@code {"taskId", "status", "response" | "error", "usage"}}.
 *
 * @param taskId the task
 * @param status {@code completed} or {@code failed}
 * @param response the answer when completed, else {@code null}
 * @param error the error when failed, else {@code null}
 * @param usage tokens used
 */
public record WebhookEvent(String taskId, String status, String response, String error, TokenUsage usage) {

    /**
     * Validates.
     *
     * @param taskId the task
     * @param status {@code completed} or {@code failed}
     * @param response the answer when completed, else {@code null}
     * @param error the error when failed, else {@code null}
     * @param usage tokens used
     */
    public WebhookEvent {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(status, "status");
        usage = usage == null ? TokenUsage.ZERO : usage;
    }

    /** @return the JSON body */
    public byte[] toJson() {
        ObjectNode body = Json.object().put("taskId", taskId).put("status", status);
        if (response != null) {
            body.put("response", response);
        }
        if (error != null) {
            body.put("error", error);
        }
        body.putObject("usage").put("promptTokens", usage.promptTokens())
                .put("completionTokens", usage.completionTokens()).put("totalTokens", usage.totalTokens());
        return Json.bytes(body);
    }
}
