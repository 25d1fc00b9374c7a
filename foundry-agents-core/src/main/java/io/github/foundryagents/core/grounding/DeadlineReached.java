package io.github.foundryagents.core.grounding;

/**
 * Internal signal: the ask's deadline passed while waiting. {@link GroundedAgent} turns it into a cancelled run
 * and an {@link AgentRunTimeoutException}.
 */
final class DeadlineReached extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeadlineReached() {
        super("deadline reached", null, false, false);
    }
}
