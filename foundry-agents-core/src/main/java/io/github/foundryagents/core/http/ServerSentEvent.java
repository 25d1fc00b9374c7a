package io.github.foundryagents.core.http;

/**
 * One server-sent event as received: the {@code event:} name (default {@code message}), the {@code data:} lines
 * joined by newlines, and the {@code id:} if any.
 *
 * @param event the event name
 * @param data the payload, usually JSON
 * @param id the event id, or {@code null}
 */
public record ServerSentEvent(String event, String data, String id) {
}
