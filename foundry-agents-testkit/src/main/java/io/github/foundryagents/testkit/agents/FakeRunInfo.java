package io.github.foundryagents.testkit.agents;

import java.time.Instant;
import java.util.Optional;

/**
 * A run (classic) or response (Responses API) the fake has served, for assertions and benchmarks.
 *
 * @param id the run or response id
 * @param conversationId the thread or conversation
 * @param status its status now
 * @param createdAt when it was created
 * @param endedAt when it reached a terminal status, or {@code null}
 */
public record FakeRunInfo(String id, String conversationId, String status, Instant createdAt, Instant endedAt) {

    /** @return when it ended, if it has */
    public Optional<Instant> ended() {
        return Optional.ofNullable(endedAt);
    }
}
