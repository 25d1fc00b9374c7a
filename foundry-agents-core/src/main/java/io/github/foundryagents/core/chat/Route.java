package io.github.foundryagents.core.chat;

import java.util.Objects;

/**
 * Which deployment answered a call and why it was chosen.
 *
 * @param deployment the deployment name that produced the response
 * @param reason how it was chosen
 * @param detail a human-readable explanation, e.g. {@code "spilled over from gpt-4o: 429 asked to wait 45s"}
 */
public record Route(String deployment, Reason reason, String detail) {

    /**
     * Validates the components.
     *
     * @param deployment the deployment name that produced the response
     * @param reason how it was chosen
     * @param detail a human-readable explanation, e.g. {@code "spilled over from gpt-4o: 429 asked to wait 45s"}
     */
    public Route {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    /** How a deployment was chosen. */
    public enum Reason {
        /** The request named it (an alias or a deployment name). */
        EXPLICIT,
        /** No deployment was named and no router is configured: the client's default. */
        DEFAULT,
        /** The model router picked it for the prompt's complexity. */
        ROUTED,
        /** An earlier choice was rate-limited or failing and the call spilled over to this one. */
        SPILLOVER
    }
}
