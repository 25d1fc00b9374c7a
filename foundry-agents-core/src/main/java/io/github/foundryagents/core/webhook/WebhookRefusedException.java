package io.github.foundryagents.core.webhook;

import io.github.foundryagents.core.FoundryException;

/**
 * A webhook URL was refused before any connection: wrong scheme, or it resolves to an address the SSRF guard
 * blocks (loopback, private, link-local, the metadata endpoint, …). Never retried.
 */
public class WebhookRefusedException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and how to allow it deliberately
     */
    public WebhookRefusedException(String message) {
        super(message);
    }
}
