package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryHintTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private static java.util.Optional<RetryHint> hint(Map<String, String> headers) {
        return RetryHint.from(headers::get, CLOCK);
    }

    @Test
    void prefersRetryAfterMsOverTheOthers() {
        Map<String, String> h = new HashMap<>();
        h.put("retry-after-ms", "1500");
        h.put("x-ms-retry-after-ms", "2500");
        h.put("retry-after", "3");
        assertThat(hint(h)).contains(new RetryHint(Duration.ofMillis(1500), "retry-after-ms"));
    }

    @Test
    void fallsBackToMsAzureHeaderThenRetryAfterSeconds() {
        assertThat(hint(Map.of("x-ms-retry-after-ms", "250", "retry-after", "7")))
                .contains(new RetryHint(Duration.ofMillis(250), "x-ms-retry-after-ms"));
        assertThat(hint(Map.of("retry-after", "7"))).contains(new RetryHint(Duration.ofSeconds(7), "retry-after"));
    }

    @Test
    void readsRetryAfterAsHttpDate() {
        assertThat(hint(Map.of("retry-after", "Wed, 25 Nov 2026 12:00:42 GMT")))
                .contains(new RetryHint(Duration.ofSeconds(42), "retry-after"));
    }

    @Test
    void aDateInThePastMeansRetryNow() {
        assertThat(hint(Map.of("retry-after", "Wed, 25 Nov 2026 11:00:00 GMT")))
                .contains(new RetryHint(Duration.ZERO, "retry-after"));
    }

    @Test
    void skipsGarbageAndNegativeValuesInFavourOfTheNextHeader() {
        assertThat(hint(Map.of("retry-after-ms", "soon", "x-ms-retry-after-ms", "-5", "retry-after", "2")))
                .contains(new RetryHint(Duration.ofSeconds(2), "retry-after"));
        assertThat(hint(Map.of("retry-after", "tomorrow-ish"))).isEmpty();
        assertThat(hint(Map.of("retry-after", "99999999999999999999999"))).isEmpty();
        assertThat(hint(Map.of())).isEmpty();
    }

    @Test
    void roundsFractionalMillisecondsUp() {
        assertThat(hint(Map.of("retry-after-ms", "10.2"))).contains(new RetryHint(Duration.ofMillis(11),
                "retry-after-ms"));
    }

    @Test
    void treatsNegativeFractionalAndEmptySecondsAsGarbage() {
        assertThat(hint(Map.of("retry-after", "-3"))).isEmpty();
        assertThat(hint(Map.of("retry-after", "1.5"))).isEmpty();
        assertThat(hint(Map.of("retry-after", "  "))).isEmpty();
        assertThat(hint(Map.of("retry-after-ms", "NaN", "retry-after", " 4 ")))
                .contains(new RetryHint(Duration.ofSeconds(4), "retry-after"));
    }
}
