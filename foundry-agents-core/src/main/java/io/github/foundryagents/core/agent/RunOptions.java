package io.github.foundryagents.core.agent;

import io.github.foundryagents.core.chat.Priority;

/**
 * Who a run is for: the user its chat calls are attributed to (monthly quotas, usage records; never sent to
 * Azure) and the priority client-side pacing gives them. Immutable.
 *
 * @param userId the user, or {@code null} for none
 * @param priority lower goes first; {@value Priority#STANDARD} by default, {@value Priority#PREMIUM} for premium
 */
public record RunOptions(String userId, int priority) {

    private static final RunOptions NONE = new RunOptions(null, Priority.STANDARD);

    /**
     * Validates the priority.
     *
     * @param userId the user, or {@code null} for none
     * @param priority lower goes first; {@value Priority#STANDARD} by default, {@value Priority#PREMIUM} for premium
     */
    public RunOptions {
        Priority.check(priority);
    }

    /** @return no user, standard priority */
    public static RunOptions none() {
        return NONE;
    }

    /**
     * @param userId the user the run's calls count against
     * @return options for that user at standard priority
     */
    public static RunOptions forUser(String userId) {
        return new RunOptions(userId, Priority.STANDARD);
    }

    /**
     * @param priority lower goes first
     * @return a copy with that priority
     */
    public RunOptions withPriority(int priority) {
        return new RunOptions(userId, priority);
    }
}
