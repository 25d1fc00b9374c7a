package io.github.foundryagents.core.tasks;

import io.github.foundryagents.core.chat.Priority;

/** A caller's service tier, which sets its tasks' queue priority (lower runs first). */
public enum Tier {
    /** Premium callers: priority {@value Priority#PREMIUM}. */
    PREMIUM(Priority.PREMIUM),
    /** Everyone else: priority {@value Priority#STANDARD}. */
    STANDARD(Priority.STANDARD);

    private final int priority;

    Tier(int priority) {
        this.priority = priority;
    }

    /** @return the queue priority of this tier's tasks */
    public int priority() {
        return priority;
    }
}
