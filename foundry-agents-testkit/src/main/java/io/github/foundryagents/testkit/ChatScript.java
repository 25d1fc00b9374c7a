package io.github.foundryagents.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the fake's chat deployments answer. For each request the fake takes, in this order: the next reply queued
 * for that deployment, the next reply queued for any deployment, the responder's answer, or its default
 * deterministic reply ({@code "Fake reply from <deployment> to: <prompt>"}). Thread-safe.
 */
public final class ChatScript {

    private final Deque<Reply> anyDeployment = new ArrayDeque<>();
    private final Map<String, Deque<Reply>> byDeployment = new HashMap<>();
    private Function<RecordedRequest, Reply> responder;

    ChatScript() {
    }

    /**
     * @param replies answers for the next requests to any deployment, in order
     * @return this script
     */
    public synchronized ChatScript enqueue(Reply... replies) {
        for (Reply r : replies) {
            anyDeployment.add(Objects.requireNonNull(r, "reply"));
        }
        return this;
    }

    /**
     * @param deployment the deployment name
     * @param replies answers for the next requests to that deployment, in order
     * @return this script
     */
    public synchronized ChatScript enqueueFor(String deployment, Reply... replies) {
        Deque<Reply> queue = byDeployment.computeIfAbsent(deployment, d -> new ArrayDeque<>());
        for (Reply r : replies) {
            queue.add(Objects.requireNonNull(r, "reply"));
        }
        return this;
    }

    /**
     * @param responder computes a reply from the request once the queues are empty, e.g. a
     *     {@link ScriptedConversation}; {@code null} restores the default reply
     * @return this script
     */
    public synchronized ChatScript respondWith(Function<RecordedRequest, Reply> responder) {
        this.responder = responder;
        return this;
    }

    /** @return how many queued replies have not been used yet */
    public synchronized int pending() {
        return anyDeployment.size() + byDeployment.values().stream().mapToInt(Deque::size).sum();
    }

    /** Drops queued replies and the responder. */
    public synchronized void reset() {
        anyDeployment.clear();
        byDeployment.clear();
        responder = null;
    }

    synchronized Reply next(RecordedRequest request) {
        Deque<Reply> own = byDeployment.get(request.deployment());
        if (own != null && !own.isEmpty()) {
            return own.poll();
        }
        if (!anyDeployment.isEmpty()) {
            return anyDeployment.poll();
        }
        if (responder != null) {
            return responder.apply(request);
        }
        return Reply.text("Fake reply from " + request.deployment() + " to: " + lastUserText(request));
    }

    private static String lastUserText(RecordedRequest request) {
        String text = "";
        for (var m : request.messages()) {
            if ("user".equals(m.path("role").asText())) {
                text = m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
            }
        }
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
