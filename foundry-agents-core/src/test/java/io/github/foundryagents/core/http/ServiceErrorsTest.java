package io.github.foundryagents.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaders;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.ServiceError;
import io.github.foundryagents.core.resilience.RetryHint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceErrorsTest {

    private static HttpResult tooManyRequests(HttpHeaders headers) {
        return new HttpResult(429, headers, "{\"error\":{\"code\":\"429\",\"message\":\"slow down\"}}"
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsTheHintAndTheHeaderThatCarriedIt() {
        ServiceError error = ServiceErrors.read(tooManyRequests(new HttpHeaders()
                .set("x-ms-retry-after-ms", "750").set("retry-after", "1")));

        assertThat(error.retryHint()).contains(new RetryHint(Duration.ofMillis(750), "x-ms-retry-after-ms"));
        assertThat(error.retryAfterHint()).contains(Duration.ofMillis(750));
    }

    @Test
    void aRefusalWithoutHintHasNone() {
        RateLimitException e = (RateLimitException) ServiceErrors.toException(tooManyRequests(new HttpHeaders()),
                "Chat completion", "gpt-4o");

        assertThat(e.error().retryHint()).isEmpty();
        assertThat(e.retryAfter()).isEmpty();
    }
}
