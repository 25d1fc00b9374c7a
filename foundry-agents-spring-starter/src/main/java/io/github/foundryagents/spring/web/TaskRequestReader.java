package io.github.foundryagents.spring.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.core.webhook.WebhookRefusedException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates a {@code POST /tasks} body, collecting every problem so one answer lists them all. The body
 * is parsed with the core's JSON reader rather than the web framework's, so the rules (members, sizes, the
 * webhook's SSRF check) are the same whichever JSON library the application's web layer uses.
 */
final class TaskRequestReader {

    static final String PROMPT = "prompt";
    static final String CONTEXT = "context";
    static final String WEBHOOK_URL = "webhookUrl";
    private static final Set<String> MEMBERS = Set.of(PROMPT, CONTEXT, WEBHOOK_URL);
    private static final Logger LOG = LoggerFactory.getLogger(TaskRequestReader.class);

    private final int maxPromptLength;
    private final long maxContextBytes;
    private final WebhookNotifier webhooks;

    /**
     * @param maxPromptLength the longest prompt, in characters (Unicode code points)
     * @param maxContextBytes the largest context object, as compact UTF-8 JSON
     * @param webhooks the webhook sender whose SSRF guard checks URLs, or {@code null} when webhooks are off
     */
    TaskRequestReader(int maxPromptLength, long maxContextBytes, WebhookNotifier webhooks) {
        this.maxPromptLength = maxPromptLength;
        this.maxContextBytes = maxContextBytes;
        this.webhooks = webhooks;
    }

    TaskSubmission read(byte[] body) {
        JsonNode json = parse(body);
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                errors.add(new FieldError(name, "unknown member; a task has prompt, context and webhookUrl"));
            }
        }
        String prompt = prompt(json.get(PROMPT), errors);
        JsonNode context = context(json.get(CONTEXT), errors);
        String webhookUrl = webhookUrl(json.get(WEBHOOK_URL), errors);
        if (!errors.isEmpty()) {
            throw new InvalidTaskException(errors);
        }
        return new TaskSubmission(prompt, context, webhookUrl);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalidBody("the body is empty: send a JSON object such as {\"prompt\": \"...\"}");
        }
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (UncheckedIOException e) {
            throw invalidBody("the body is not valid JSON: send a JSON object such as {\"prompt\": \"...\"}");
        }
        if (json == null || !json.isObject()) {
            throw invalidBody("the body must be a JSON object such as {\"prompt\": \"...\"}");
        }
        return json;
    }

    private String prompt(JsonNode node, List<FieldError> errors) {
        String rule = "a string of 1 to " + maxPromptLength + " characters";
        if (node == null || node.isNull()) {
            errors.add(new FieldError(PROMPT, "prompt is required: " + rule));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(PROMPT, "prompt must be " + rule));
            return null;
        }
        String prompt = node.asText();
        int length = prompt.codePointCount(0, prompt.length());
        if (prompt.isBlank()) {
            errors.add(new FieldError(PROMPT, "prompt must not be blank: " + rule));
        } else if (length > maxPromptLength) {
            errors.add(new FieldError(PROMPT, "prompt has " + length + " characters; the limit is " + maxPromptLength));
        }
        return prompt;
    }

    private JsonNode context(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(CONTEXT, "context must be a JSON object"));
            return null;
        }
        long size = Json.bytes(node).length;
        if (size > maxContextBytes) {
            errors.add(new FieldError(CONTEXT, "context is " + size + " bytes of JSON; the limit is " + maxContextBytes
                    + ": pass a reference to large inputs instead"));
        }
        return node;
    }

    private String webhookUrl(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(WEBHOOK_URL, "webhookUrl must be a string: an absolute https URL"));
            return null;
        }
        String url = node.asText();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            errors.add(new FieldError(WEBHOOK_URL, "webhookUrl is not a valid URL: " + e.getReason()));
            return null;
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            errors.add(new FieldError(WEBHOOK_URL, "webhookUrl must be an absolute https URL with a host name"));
            return null;
        }
        if (webhooks == null) {
            errors.add(new FieldError(WEBHOOK_URL, "webhooks are not enabled on this server (no"
                    + " foundry.agents.webhook.secret): leave webhookUrl out and poll GET /tasks/{id}"));
            return null;
        }
        try {
            webhooks.check(uri);
        } catch (WebhookRefusedException e) {
            // the guard's reason names resolved addresses; callers get the rule, operators the detail
            LOG.info("Refused webhook URL of a task: {}", e.getMessage());
            errors.add(new FieldError(WEBHOOK_URL, "webhookUrl is refused: it must be an https URL without user"
                    + " info whose host resolves only to public addresses"));
        }
        return url;
    }

    private static InvalidTaskException invalidBody(String message) {
        return new InvalidTaskException(List.of(new FieldError("", message)));
    }
}
