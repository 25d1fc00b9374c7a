package io.github.foundryagents.testkit.agents;

/**
 * One server-sent event of a run, rendered when it happened.
 *
 * @param name the event name, or {@code null} for a marker that only ends a stream segment
 * @param data the JSON payload on one line
 * @param endsSegment whether a stream following the run stops after this event (terminal status, or a pause for
 *     tool outputs)
 */
record SseEvent(String name, String data, boolean endsSegment) {
}
