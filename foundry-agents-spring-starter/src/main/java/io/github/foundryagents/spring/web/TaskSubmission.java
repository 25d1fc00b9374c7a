package io.github.foundryagents.spring.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A valid {@code POST /tasks} body.
 *
 * @param prompt the prompt, 1 to {@code max-prompt-length} characters
 * @param context a JSON object of at most {@code max-context-size}, or {@code null}
 * @param webhookUrl an absolute URL that passed the SSRF guard, or {@code null}
 */
record TaskSubmission(String prompt, JsonNode context, String webhookUrl) {
}
