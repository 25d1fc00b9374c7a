package io.github.foundryagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves Azure OpenAI chat completions on both URL forms, with Azure's validation order: route, auth, body,
 * deployment, the deployment's rate limits, then an injected fault if any, then the scripted reply. Every answer
 * that passed the rate limiter carries {@code x-ratelimit-remaining-tokens} and
 * {@code x-ratelimit-remaining-requests}. Thread-safe.
 */
final class ChatCompletionsHandler {

    private static final Pattern DEPLOYMENT_PATH = Pattern.compile("/openai/deployments/([^/]+)/chat/completions");
    private static final String V1_PATH = "/openai/v1/chat/completions";
    private static final Set<String> V1_API_VERSIONS = Set.of("v1", "preview");

    private final FakeFoundry fake;
    private final AtomicLong ids = new AtomicLong();

    ChatCompletionsHandler(FakeFoundry fake) {
        this.fake = fake;
    }

    static boolean handles(String path) {
        return path.equals(V1_PATH) || DEPLOYMENT_PATH.matcher(path).matches();
    }

    void handle(FakeExchange ex) throws IOException {
        Matcher m = DEPLOYMENT_PATH.matcher(ex.path());
        boolean legacy = m.matches();
        String deployment = legacy ? m.group(1) : Json.text(ex.body(), "model");
        RecordedRequest recorded = ex.record(deployment);
        fake.journal().record(recorded);
        if (!ex.method().equals("POST")) {
            ex.sendError(405, "405", "Method not allowed", Map.of());
            return;
        }
        String apiVersion = ex.query().get("api-version");
        if (legacy ? apiVersion == null : apiVersion != null && !V1_API_VERSIONS.contains(apiVersion)) {
            ex.sendError(404, "404", AzureMessages.RESOURCE_NOT_FOUND, Map.of());
            return;
        }
        if (!fake.auth().admit(ex)) {
            return;
        }
        if (!ex.bodyIsJson() || !ex.body().isObject()) {
            invalidRequest(ex, "We could not parse the JSON body of your request.", null);
            return;
        }
        if (deployment == null) {
            invalidRequest(ex, "Missing required parameter: 'model'.", "model");
            return;
        }
        if (!fake.hasDeployment(deployment)) {
            ex.sendError(404, "DeploymentNotFound", AzureMessages.DEPLOYMENT_NOT_FOUND, Map.of());
            return;
        }
        if (!ex.body().path("messages").isArray() || ex.body().path("messages").isEmpty()) {
            invalidRequest(ex, "'messages' is a required property and must contain at least one message.",
                    "messages");
            return;
        }
        ToolMessageRules.Violation violation = ToolMessageRules.check(ex.body().path("messages"));
        if (violation != null) {
            invalidRequest(ex, violation.message(), violation.param(), null);
            return;
        }
        serve(ex, recorded, deployment, apiVersion != null ? apiVersion : "v1");
    }

    /** After Azure's checks: the deployment's rate limiter, then any injected fault, then the scripted reply. */
    private void serve(FakeExchange ex, RecordedRequest recorded, String deployment, String apiVersion)
            throws IOException {
        QuotaLimiter limiter = fake.limiter(deployment);
        Integer maxTokens = maxTokens(ex.body());
        long estimate = TokenCounter.prompt(ex.body())
                + (maxTokens != null ? maxTokens : limiter.quota().reserveWithoutMaxTokens());
        QuotaLimiter.Admission admission = limiter.admit(estimate, System.nanoTime());
        if (!admission.admitted()) {
            rateLimited(ex, admission, apiVersion);
            return;
        }
        Fault fault = fake.faults().take();
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.RESET) {
            return; // the exchange closes unanswered: the client sees the connection drop
        }
        if (kind == Fault.Kind.STATUS) {
            Reply error = fault.errorReply();
            ex.sendJson(error.status(), errorBody(error), admission.headers());
            return;
        }
        if (kind == Fault.Kind.DELAY) {
            sleep(fault.delay());
        }
        Reply reply = fake.chat().next(recorded);
        sleep(reply.delay());
        Map<String, String> headers = new HashMap<>(admission.headers());
        headers.putAll(reply.headers());
        if (reply.isError()) {
            ex.sendJson(reply.status(), errorBody(reply), headers);
            return;
        }
        ObjectNode completion = completion(reply, deployment, ex.body());
        if (maxTokens == null) {
            limiter.settle(admission.charge(), completion.path("usage").path("total_tokens").asLong());
        }
        if (kind == Fault.Kind.TRUNCATED_BODY) {
            ex.sendTruncated(200, completion, headers);
        } else {
            ex.sendJson(200, completion, headers);
        }
    }

    private static void rateLimited(FakeExchange ex, QuotaLimiter.Admission refusal, String apiVersion)
            throws IOException {
        long millis = Math.max(1, (refusal.retryAfter().toNanos() + 999_999) / 1_000_000);
        long seconds = Math.max(1, (millis + 999) / 1000);
        Map<String, String> headers = new HashMap<>(refusal.headers());
        headers.put("retry-after-ms", Long.toString(millis));
        headers.put("retry-after", Long.toString(seconds));
        headers.put("policy-id", refusal.tokenLimited() ? "DeploymentRatelimit-Token" : "DeploymentRatelimit-Call");
        ex.sendError(429, "429", AzureMessages.rateLimit(apiVersion, seconds, refusal.tokenLimited()), headers);
    }

    /** Azure counts {@code max_tokens}, or {@code max_completion_tokens}, towards a request's estimate. */
    private static Integer maxTokens(JsonNode body) {
        for (String field : new String[] {"max_tokens", "max_completion_tokens"}) {
            if (body.path(field).canConvertToInt() && body.path(field).asInt() > 0) {
                return body.path(field).asInt();
            }
        }
        return null;
    }

    private static void invalidRequest(FakeExchange ex, String message, String param) throws IOException {
        invalidRequest(ex, message, param, param == null ? "invalid_json" : "invalid_value");
    }

    private static void invalidRequest(FakeExchange ex, String message, String param, String code)
            throws IOException {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error").put("message", message).put("type", "invalid_request_error");
        error.put("param", param);
        error.put("code", code);
        ex.sendJson(400, root, Map.of());
    }

    private static JsonNode errorBody(Reply reply) {
        ObjectNode root = FakeExchange.errorBody(reply.errorCode(), reply.errorMessage());
        if (reply.contentFilterError()) {
            ObjectNode error = (ObjectNode) root.get("error");
            error.put("param", "prompt").putNull("type");
            error.put("status", 400);
            ObjectNode inner = error.putObject("innererror").put("code", "ResponsibleAIPolicyViolation");
            ObjectNode results = inner.putObject("content_filter_result");
            results.putObject("hate").put("filtered", true).put("severity", "high");
            results.putObject("jailbreak").put("filtered", false).put("detected", false);
            for (String category : new String[] {"self_harm", "sexual", "violence"}) {
                results.putObject(category).put("filtered", false).put("severity", "safe");
            }
        }
        return root;
    }

    private ObjectNode completion(Reply reply, String deployment, JsonNode request) {
        ObjectNode root = Json.object();
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.set("content_filter_results", safeFilterResults(false));
        choice.put("finish_reason", reply.finishReason()).put("index", 0).putNull("logprobs");
        ObjectNode message = choice.putObject("message");
        message.putArray("annotations");
        if (reply.content() != null) {
            message.put("content", reply.content());
        } else {
            message.putNull("content");
        }
        message.putNull("refusal").put("role", "assistant");
        if (!reply.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (ScriptedToolCall call : reply.toolCalls()) {
                ObjectNode c = calls.addObject();
                c.putObject("function").put("arguments", call.arguments()).put("name", call.name());
                c.put("id", call.id() != null ? call.id() : "call_" + ids.incrementAndGet()).put("type", "function");
            }
        }
        root.put("created", Instant.now().getEpochSecond());
        root.put("id", "chatcmpl-fake" + ids.incrementAndGet());
        root.put("model", fake.modelOf(deployment));
        root.put("object", "chat.completion");
        ObjectNode promptFilter = root.putArray("prompt_filter_results").addObject().put("prompt_index", 0);
        promptFilter.set("content_filter_results", safeFilterResults(true));
        root.put("system_fingerprint", "fp_fakefoundry");
        int prompt = reply.promptTokens() != null ? reply.promptTokens() : TokenCounter.prompt(request);
        int completion = reply.completionTokens() != null ? reply.completionTokens() : completionTokens(reply);
        ObjectNode usage = root.putObject("usage").put("completion_tokens", completion);
        usage.putObject("completion_tokens_details").put("accepted_prediction_tokens", 0).put("audio_tokens", 0)
                .put("reasoning_tokens", 0).put("rejected_prediction_tokens", 0);
        usage.put("prompt_tokens", prompt);
        usage.putObject("prompt_tokens_details").put("audio_tokens", 0).put("cached_tokens", 0);
        usage.put("total_tokens", prompt + completion);
        return root;
    }

    private static int completionTokens(Reply reply) {
        int tokens = TokenCounter.text(reply.content());
        for (ScriptedToolCall call : reply.toolCalls()) {
            tokens += TokenCounter.text(call.name()) + TokenCounter.text(call.arguments());
        }
        return Math.max(1, tokens);
    }

    private static ObjectNode safeFilterResults(boolean prompt) {
        ObjectNode results = Json.object();
        for (String category : new String[] {"hate", "self_harm", "sexual", "violence"}) {
            results.putObject(category).put("filtered", false).put("severity", "safe");
        }
        if (prompt) {
            results.putObject("jailbreak").put("filtered", false).put("detected", false);
        }
        return results;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
