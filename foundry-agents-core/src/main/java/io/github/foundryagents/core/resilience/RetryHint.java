package io.github.foundryagents.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A wait the server asked for, and the header that said so.
 *
 * <p>Azure sends {@code retry-after-ms} and {@code retry-after} on 429s; other Azure services send
 * {@code x-ms-retry-after-ms}. They are read in that order; a header that is absent, negative or unparseable is
 * skipped in favour of the next. {@code retry-after} may hold seconds or an HTTP date.
 *
 * @param delay how long to wait, never negative
 * @param header the header it came from
 */
public record RetryHint(Duration delay, String header) {

    /** Header names in the order they are consulted. */
    public static final List<String> HEADERS = List.of("retry-after-ms", "x-ms-retry-after-ms", "retry-after");

    /**
     * @param headers looks up a header value by lower-case name, returning {@code null} when absent
     * @param clock the clock that turns an HTTP date into a wait
     * @return the first usable hint, if any
     */
    public static Optional<RetryHint> from(Function<String, String> headers, Clock clock) {
        for (String name : HEADERS) {
            String value = headers.apply(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<Duration> wait = name.equals("retry-after")
                    ? parseRetryAfter(value.trim(), clock)
                    : parseMillis(value.trim());
            if (wait.isPresent()) {
                return Optional.of(new RetryHint(wait.get(), name));
            }
        }
        return Optional.empty();
    }

    private static Optional<Duration> parseMillis(String value) {
        try {
            double ms = Double.parseDouble(value);
            return ms >= 0 && Double.isFinite(ms) ? Optional.of(Duration.ofMillis((long) Math.ceil(ms)))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // too many digits to be a sane wait
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
