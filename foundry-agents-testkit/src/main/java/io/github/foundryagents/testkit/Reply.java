package io.github.foundryagents.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the fake answers to one chat request: a completion (text and/or tool calls) or an Azure error, optionally
 * after a delay and with extra headers. Immutable; the {@code with...} style methods return copies.
 */
public final class Reply {

    private final int status;
    private final String content;
    private final List<ScriptedToolCall> toolCalls;
    private final String finishReason;
    private final Integer promptTokens;
    private final Integer completionTokens;
    private final String errorCode;
    private final String errorMessage;
    private final boolean contentFilterError;
    private final Duration delay;
    private final Map<String, String> headers;

    private Reply(int status, String content, List<ScriptedToolCall> toolCalls, String finishReason,
            Integer promptTokens, Integer completionTokens, String errorCode, String errorMessage,
            boolean contentFilterError, Duration delay, Map<String, String> headers) {
        this.status = status;
        this.content = content;
        this.toolCalls = List.copyOf(toolCalls);
        this.finishReason = finishReason;
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.contentFilterError = contentFilterError;
        this.delay = delay;
        this.headers = Map.copyOf(headers);
    }

    /**
     * @param content the assistant's text
     * @return a 200 completion with {@code finish_reason: stop}
     */
    public static Reply text(String content) {
        return new Reply(200, Objects.requireNonNull(content, "content"), List.of(), "stop", null, null, null, null,
                false, Duration.ZERO, Map.of());
    }

    /**
     * @param calls the calls the model asks for, several to test parallel execution
     * @return a 200 completion with {@code finish_reason: tool_calls} and no content
     */
    public static Reply toolCalls(ScriptedToolCall... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("a tool-call reply needs at least one call");
        }
        return new Reply(200, null, List.of(calls), "tool_calls", null, null, null, null, false, Duration.ZERO,
                Map.of());
    }

    /**
     * @param name the function name
     * @param arguments the arguments as JSON text
     * @return a completion asking for one tool call
     */
    public static Reply toolCall(String name, String arguments) {
        return toolCalls(ScriptedToolCall.of(name, arguments));
    }

    /**
     * @param status the HTTP status
     * @param code Azure's {@code error.code}
     * @param message Azure's {@code error.message}
     * @return an error in Azure's envelope {@code {"error":{"code":..., "message":...}}}
     */
    public static Reply error(int status, String code, String message) {
        return new Reply(status, null, List.of(), null, null, null, code, message, false, Duration.ZERO, Map.of());
    }

    /**
     * @param retryAfter the wait announced in {@code retry-after-ms} and {@code retry-after} (rounded up to seconds)
     * @return a 429 with Azure's message and headers
     */
    public static Reply rateLimited(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return error(429, "429", AzureMessages.rateLimit("2024-10-21", seconds))
                .withHeader("retry-after-ms", Long.toString(retryAfter.toMillis()))
                .withHeader("retry-after", Long.toString(seconds));
    }

    /** @return a 500 as Azure sends it */
    public static Reply serverError() {
        return error(500, "InternalServerError", "The server had an error while processing your request. Sorry"
                + " about that!");
    }

    /**
     * @param status 502, 503, 504 or another status
     * @return an error with that status and a generic Azure code
     */
    public static Reply status(int status) {
        return error(status, Integer.toString(status), "The service returned HTTP " + status + ".");
    }

    /** @return the 400 Azure sends when its content filter refuses a prompt, with {@code innererror} details */
    public static Reply contentFilterRefusal() {
        return new Reply(400, null, List.of(), null, null, null, "content_filter", AzureMessages.CONTENT_FILTER,
                true, Duration.ZERO, Map.of());
    }

    /**
     * @param delay how long to wait before answering
     * @return a copy that answers after the delay
     */
    public Reply withDelay(Duration delay) {
        return new Reply(status, content, toolCalls, finishReason, promptTokens, completionTokens, errorCode,
                errorMessage, contentFilterError, delay, headers);
    }

    /**
     * @param finishReason e.g. {@code length} or {@code content_filter}
     * @return a copy with that finish reason
     */
    public Reply withFinishReason(String finishReason) {
        return new Reply(status, content, toolCalls, finishReason, promptTokens, completionTokens, errorCode,
                errorMessage, contentFilterError, delay, headers);
    }

    /**
     * @param prompt prompt tokens to report
     * @param completion completion tokens to report
     * @return a copy reporting that usage instead of the fake's estimate
     */
    public Reply withUsage(int prompt, int completion) {
        return new Reply(status, content, toolCalls, finishReason, prompt, completion, errorCode, errorMessage,
                contentFilterError, delay, headers);
    }

    /**
     * @param name a response header
     * @param value its value
     * @return a copy that also sends the header
     */
    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, content, toolCalls, finishReason, promptTokens, completionTokens, errorCode,
                errorMessage, contentFilterError, delay, more);
    }

    int status() {
        return status;
    }

    boolean isError() {
        return status >= 400;
    }

    String content() {
        return content;
    }

    List<ScriptedToolCall> toolCalls() {
        return toolCalls;
    }

    String finishReason() {
        return finishReason;
    }

    Integer promptTokens() {
        return promptTokens;
    }

    Integer completionTokens() {
        return completionTokens;
    }

    String errorCode() {
        return errorCode;
    }

    String errorMessage() {
        return errorMessage;
    }

    boolean contentFilterError() {
        return contentFilterError;
    }

    Duration delay() {
        return delay;
    }

    Map<String, String> headers() {
        return headers;
    }
}
