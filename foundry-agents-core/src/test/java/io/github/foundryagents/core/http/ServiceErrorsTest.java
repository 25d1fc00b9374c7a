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
    @Test
    void azuresMessageAndOurAdviceAreJoinedWithOnePeriod() {
        HttpResult notFound = new HttpResult(404, new HttpHeaders(), ("{\"error\":{\"code\":\"DeploymentNotFound\","
                + "\"message\":\"The API deployment for this resource does not exist.\"}}").getBytes(StandardCharsets.UTF_8));
        String message = ServiceErrors.toException(notFound, "Chat completion on deployment 'gpt-4o'", "gpt-4o")
                .getMessage();
        assertThat(message).startsWith("Chat completion on deployment 'gpt-4o' failed with HTTP 404 DeploymentNotFound:"
                + " The API deployment for this resource does not exist. Azure routes by deployment name")
                .doesNotContain("..");
    }
    @Test
    void aCodeThatOnlyRepeatsTheStatusIsNotShownTwice() {
        String message = ServiceErrors.toException(tooManyRequests(new HttpHeaders()),
                "Chat completion on deployment 'gpt-4o'", "gpt-4o").getMessage();
        assertThat(message).startsWith("Chat completion on deployment 'gpt-4o' failed with HTTP 429: slow down. The"
                + " deployment's tokens- or requests-per-minute budget is spent");
    }
}
