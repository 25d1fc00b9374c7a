package io.github.foundryagents.core.chat;

/**
 * Priorities for calls and jobs: lower runs first, as in BullMQ. Callers may use any value from
 * {@value #HIGHEST} to {@value #LOWEST}.
 */
public final class Priority {

    /** The most urgent priority: {@value}. */
    public static final int HIGHEST = 1;
    /** Premium users' priority in the guidance we follow: {@value}. */
    public static final int PREMIUM = 1;
    /** Everyone else's priority and the default: {@value}. */
    public static final int STANDARD = 10;
    /** The least urgent priority accepted: {@value} (BullMQ's limit, 2^21 - 1). */
    public static final int LOWEST = 2_097_151;

    private Priority() {
    }

    /**
     * @param priority a priority
     * @return the priority
     * @throws IllegalArgumentException when outside {@value #HIGHEST}..{@value #LOWEST}
     */
    public static int check(int priority) {
        if (priority < HIGHEST || priority > LOWEST) {
            throw new IllegalArgumentException("priority must be between " + HIGHEST + " (most urgent) and "
                    + LOWEST + ", got " + priority);
        }
        return priority;
    }
}
