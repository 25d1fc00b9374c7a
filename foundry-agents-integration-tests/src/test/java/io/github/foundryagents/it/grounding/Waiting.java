package io.github.foundryagents.it.grounding;

import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.WaitStrategy;
import java.time.Duration;

/** The waiting strategies the grounding tests run under, with intervals short enough for the fake's scaled time. */
enum Waiting {
    STREAMING {
        @Override
        WaitStrategy strategy() {
            return WaitStrategy.streaming();
        }
    },
    ADAPTIVE_POLLING {
        @Override
        WaitStrategy strategy() {
            return WaitStrategy.adaptivePolling().withFirstPoll(Duration.ofMillis(10))
                    .withMaxInterval(Duration.ofMillis(50)).withBudget(PollBudget.perMinute(60_000));
        }
    },
    FIXED_INTERVAL {
        @Override
        WaitStrategy strategy() {
            return WaitStrategy.fixedInterval(Duration.ofMillis(20));
        }
    };

    abstract WaitStrategy strategy();
}
