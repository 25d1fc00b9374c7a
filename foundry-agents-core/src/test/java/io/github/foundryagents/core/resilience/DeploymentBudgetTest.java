package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.RateLimitHeaders;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentBudgetTest {

    private static final long S = 1_000_000_000L;
    /** The margin with Azure's one-minute window. */
    private static final long MARGIN = Duration.ofMillis(250).toNanos();

    private static RateLimitHeaders remaining(long tokens, long requests) {
        return new RateLimitHeaders(Map.of("x-ratelimit-remaining-tokens", Long.toString(tokens),
                "x-ratelimit-remaining-requests", Long.toString(requests)));
    }

    /** 1,000 tokens per minute, requests never binding. */
    private static DeploymentBudget seeded() {
        return new DeploymentBudget("d", PacingOptions.builder().tokensPerMinute("d", 1_000)
                .requestsPerMinute("d", 600).build());
    }

    @Test
    void probesWithOneCallUntilAnAnswerRevealsTheBudget() {
        DeploymentBudget b = new DeploymentBudget("d", PacingOptions.learning());
        DeploymentBudget.Ticket first = b.enqueue(100, 100, 10);
        DeploymentBudget.Ticket second = b.enqueue(100, 100, 10);
        DeploymentBudget.Ticket third = b.enqueue(100, 100, 10);

        assertThat(b.admitReady(0)).isEqualTo(1);
        assertThat(first.granted()).isTrue();
        assertThat(b.nanosUntilHeadFits(0)).isEqualTo(10 * S); // one more probe per request window at most

        b.succeeded(first, 100, 20, remaining(9_800, 59), S / 100);

        assertThat(b.mode()).isEqualTo(DeploymentBudget.Mode.PACING);
        assertThat(b.tokenLimit()).hasValue(10_000);
        assertThat(b.requestLimit()).hasValue(60);
        assertThat(b.admitReady(S / 100)).isEqualTo(2);
        assertThat(second.granted()).isTrue();
        assertThat(third.granted()).isTrue();
    }

    @Test
    void aConfiguredTpmSeedsTheBudgetsWithSixRequestsPerThousandTokens() {
        DeploymentBudget b = new DeploymentBudget("d", PacingOptions.builder().tokensPerMinute("d", 30_000).build());

        assertThat(b.mode()).isEqualTo(DeploymentBudget.Mode.PACING);
        assertThat(b.tokenLimit()).hasValue(30_000);
        assertThat(b.requestLimit()).hasValue(30); // 180 RPM evaluated per 10 s
    }

    @Test
    void waitsWhileTheTokensAreSpentAndResumesWhenOldChargesLeaveTheWindow() {
        DeploymentBudget b = seeded();
        b.enqueue(100, 300, 10);
        b.enqueue(100, 300, 10);
        DeploymentBudget.Ticket third = b.enqueue(100, 300, 10);

        assertThat(b.admitReady(0)).isEqualTo(2);
        assertThat(b.tokensUsed(0)).isEqualTo(800);
        assertThat(b.nanosUntilHeadFits(0)).isEqualTo(60 * S + MARGIN);
        assertThat(b.admitReady(60 * S)).isZero();

        assertThat(b.admitReady(60 * S + MARGIN)).isEqualTo(1);
        assertThat(third.granted()).isTrue();
    }

    @Test
    void servesLowerPriorityNumbersFirstThenArrivalOrder() {
        DeploymentBudget b = seeded();
        b.enqueue(700, 300, 10);
        b.admitReady(0);
        DeploymentBudget.Ticket standardFirst = b.enqueue(100, 300, 10);
        DeploymentBudget.Ticket premium = b.enqueue(100, 300, 1);
        DeploymentBudget.Ticket standardSecond = b.enqueue(100, 300, 10);

        assertThat(b.admitReady(61 * S)).isEqualTo(2);

        assertThat(premium.granted()).isTrue();
        assertThat(standardFirst.granted()).isTrue();
        assertThat(standardSecond.granted()).isFalse();
    }

    @Test
    void aCallThatDoesNotFitIsNotOvertakenBySmallerOnesBehindIt() {
        DeploymentBudget b = seeded();
        b.enqueue(200, 300, 10);
        b.admitReady(0);
        DeploymentBudget.Ticket big = b.enqueue(600, 300, 10);
        DeploymentBudget.Ticket small = b.enqueue(10, 10, 10);

        assertThat(b.admitReady(S)).isZero();
        assertThat(big.granted()).isFalse();
        assertThat(small.granted()).isFalse();
    }

    @Test
    void correctsTheReservationToWhatAzureCountsOnceUsageIsKnown() {
        DeploymentBudget b = seeded();
        DeploymentBudget.Ticket t = b.enqueue(100, 300, 10);
        b.admitReady(0);

        b.succeeded(t, 50, 20, RateLimitHeaders.NONE, S);

        assertThat(b.tokensUsed(S)).isEqualTo(50 + 300); // Azure counts max_tokens, not the 20 generated
    }

    @Test
    void withoutMaxTokensItReservesTheDefaultThenKeepsOnlyWhatWasUsed() {
        DeploymentBudget b = new DeploymentBudget("d", PacingOptions.builder().tokensPerMinute("d", 10_000)
                .reserveWithoutMaxTokens(500).build());
        DeploymentBudget.Ticket t = b.enqueue(100, null, 10);
        b.admitReady(0);
        assertThat(b.tokensUsed(0)).isEqualTo(600);

        b.succeeded(t, 100, 30, RateLimitHeaders.NONE, S);

        assertThat(b.tokensUsed(S)).isEqualTo(130);
    }

    @Test
    void laterEstimatesFollowTheReportedPromptTokens() {
        DeploymentBudget b = seeded();
        DeploymentBudget.Ticket t = b.enqueue(100, 100, 10);
        b.admitReady(0);
        b.succeeded(t, 200, 5, RateLimitHeaders.NONE, S);

        assertThat(b.enqueue(100, 100, 10).estimate()).isEqualTo(120 + 100); // ratio moved 20 % towards 2.0
    }

    @Test
    void a429ReleasesTheCallsChargeAndHoldsEveryoneForTheHint() {
        DeploymentBudget b = seeded();
        DeploymentBudget.Ticket refused = b.enqueue(100, 300, 10);
        b.admitReady(0);

        b.rateLimited(refused, 5 * S, S);
        DeploymentBudget.Ticket next = b.enqueue(100, 300, 1);

        assertThat(b.tokensUsed(S)).isZero();
        assertThat(b.blockedPast(5 * S)).isTrue();
        assertThat(b.nanosUntilHeadFits(S)).isEqualTo(5 * S);
        assertThat(b.admitReady(6 * S)).isEqualTo(1);
        assertThat(next.granted()).isTrue();
    }

    @Test
    void aRefusalThePacerDidNotExpectWidensTheExpiryMarginByItsHint() {
        DeploymentBudget b = seeded();
        b.enqueue(100, 300, 10);
        DeploymentBudget.Ticket refused = b.enqueue(100, 300, 10);
        b.admitReady(0);

        b.rateLimited(refused, 2 * S, S); // Azure still counted an older call: it arrives later than expected
        b.enqueue(100, 300, 10);
        b.enqueue(100, 300, 10);

        assertThat(b.admitReady(3 * S)).isEqualTo(1);
        assertThat(b.nanosUntilHeadFits(3 * S)).isEqualTo(60 * S + MARGIN + 2 * S - 3 * S);
    }

    @Test
    void aScaledDownWindowStartsWithAWideMarginThatNarrowsWithEachSuccessDownToItsBase() {
        // A 6-second minute: 1,000 tokens per window; margin 150 ms before any answer, 50 ms at its narrowest.
        DeploymentBudget b = new DeploymentBudget("d", PacingOptions.builder().window(Duration.ofSeconds(6))
                .tokensPerMinute("d", 10_000).requestsPerMinute("d", 600_000).build());
        long ms = S / 1000;

        assertThat(marginAt(b, 0)).isEqualTo(150 * ms);
        succeed(b, 100, 10 * S);
        assertThat(marginAt(b, 20 * S)).isBetween(51 * ms, 90 * ms); // 50 ms + 100 ms x 0.99^100
        succeed(b, 1_000, 30 * S);
        assertThat(marginAt(b, 60 * S)).isBetween(50 * ms, 51 * ms); // 50 ms + 100 ms x 0.99^1100
    }

    /** Fills the window at {@code now}: how long the next call then waits past the 6 s window is the margin. */
    private static long marginAt(DeploymentBudget b, long now) {
        b.enqueue(900, 100, 10);
        DeploymentBudget.Ticket next = b.enqueue(1, 1, 10);
        assertThat(b.admitReady(now)).isEqualTo(1);
        long margin = b.nanosUntilHeadFits(now) - 6 * S;
        b.cancel(next);
        return margin;
    }

    /** Small calls 20 ms apart from {@code from}, each answered at once. */
    private static void succeed(DeploymentBudget b, int calls, long from) {
        for (int i = 0; i < calls; i++) {
            long now = from + i * 20 * S / 1000;
            DeploymentBudget.Ticket t = b.enqueue(1, 1, 10);
            assertThat(b.admitReady(now)).isEqualTo(1);
            b.succeeded(t, 0, 0, RateLimitHeaders.NONE, now);
        }
    }

    @Test
    void aServerWithoutBudgetHeadersLeavesCallsUnpacedExceptFor429Hints() {
        DeploymentBudget b = new DeploymentBudget("d", PacingOptions.learning());
        DeploymentBudget.Ticket probe = b.enqueue(100, 100, 10);
        b.admitReady(0);
        b.succeeded(probe, 100, 10, RateLimitHeaders.NONE, S);
        for (int i = 0; i < 50; i++) {
            b.enqueue(100, 100, 10);
        }

        assertThat(b.mode()).isEqualTo(DeploymentBudget.Mode.OPEN);
        assertThat(b.admitReady(S)).isEqualTo(50);
    }

    @Test
    void callsSentTogetherMayArriveInAnyOrderAndTheFirstToArriveRevealsTheExactLimit() {
        // Azure's limit: 1,000 tokens; every call costs 100 + 100.
        DeploymentBudget b = new DeploymentBudget("d", PacingOptions.learning());
        DeploymentBudget.Ticket probe = b.enqueue(100, 100, 10);
        b.admitReady(0);
        b.succeeded(probe, 100, 5, remaining(800, 50), S / 10);
        DeploymentBudget.Ticket[] burst = new DeploymentBudget.Ticket[4];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = b.enqueue(100, 100, 10);
        }
        assertThat(b.admitReady(S)).isEqualTo(4);

        // They reach Azure in reverse order: the last one sent sees 600 remaining, the first one 0.
        long[] remainingAtArrival = {0, 200, 400, 600};
        for (int i = 0; i < burst.length; i++) {
            b.succeeded(burst[i], 100, 5, remaining(remainingAtArrival[i], 50), S + S / 10);
            assertThat(b.tokenLimit().getAsLong()).as("never above the real limit").isLessThanOrEqualTo(1_000);
        }

        assertThat(b.tokenLimit()).hasValue(1_000);
    }

    @Test
    void callsSentOneAfterAnotherTeachTheExactLimitHoweverCloseTogether() {
        DeploymentBudget b = new DeploymentBudget("d", PacingOptions.learning());
        long ms = S / 1000;
        for (int i = 0; i < 4; i++) {
            DeploymentBudget.Ticket t = b.enqueue(100, 100, 10);
            assertThat(b.admitReady(2 * i * ms)).isEqualTo(1);
            // Azure's limit is 1,000; this call sees what the i calls before it and itself left.
            b.succeeded(t, 100, 5, remaining(1_000 - 200L * (i + 1), 50), (2 * i + 1) * ms);

            assertThat(b.tokenLimit()).hasValue(1_000);
        }
    }
}
