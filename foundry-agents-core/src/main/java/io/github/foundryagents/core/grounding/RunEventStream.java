package io.github.foundryagents.core.grounding;

/**
 * What a transport reports while a run advances: one snapshot per status change, ending with a terminal or
 * {@link RunStatus#REQUIRES_ACTION} snapshot. A streamed run yields snapshots as server-sent events arrive; a
 * run started without streaming yields just its first snapshot.
 *
 * <p>{@link #close()} may be called from another thread to abandon a blocked {@link #next()} (a deadline does
 * that); {@code next()} then fails.
 */
public interface RunEventStream extends AutoCloseable {

    /**
     * @return the next snapshot, or {@code null} when the stream ended
     * @throws io.github.foundryagents.core.FoundryConnectionException when the connection broke
     */
    RunSnapshot next();

    /** Releases the connection, if any. Idempotent. */
    @Override
    void close();

    /**
     * @param snapshot the only snapshot
     * @return a stream of that one snapshot, for runs started without streaming
     */
    static RunEventStream of(RunSnapshot snapshot) {
        return new RunEventStream() {
            private RunSnapshot pending = snapshot;

            @Override
            public synchronized RunSnapshot next() {
                RunSnapshot s = pending;
                pending = null;
                return s;
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
    }
}
