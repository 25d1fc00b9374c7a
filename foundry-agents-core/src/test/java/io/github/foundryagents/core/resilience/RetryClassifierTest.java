package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AuthenticationException;
import io.github.foundryagents.core.BadRequestException;
import io.github.foundryagents.core.ContentFilterException;
import io.github.foundryagents.core.EmptyResponseException;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.FoundryServiceException;
import io.github.foundryagents.core.NotFoundException;
import io.github.foundryagents.core.PermissionDeniedException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.ServiceError;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryClassifierTest {

    private final RetryClassifier azure = RetryClassifier.azure();

    private static ServiceError error(int status, String code) {
        return new ServiceError(status, code, "message", null, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void retriesTransientServerStatuses(int status) {
        assertThat(azure.isRetryable(new ServerException("x", error(status, null)))).isTrue();
    }

    @Test
    void retriesRateLimitsAndConnectionFailures() {
        assertThat(azure.isRetryable(Failures.rateLimited(Duration.ofSeconds(1), "retry-after"))).isTrue();
        assertThat(azure.isRetryable(Failures.rateLimitedWithoutHint())).isTrue();
        assertThat(azure.isRetryable(Failures.reset())).isTrue();
    }

    @Test
    void failsAtOnceOnClientErrorsAndContentFilterRefusals() {
        assertThat(azure.isRetryable(new BadRequestException("x", error(400, "context_length_exceeded")))).isFalse();
        assertThat(azure.isRetryable(new ContentFilterException("x", error(400, "content_filter")))).isFalse();
        assertThat(azure.isRetryable(new AuthenticationException("x", error(401, "401")))).isFalse();
        assertThat(azure.isRetryable(new PermissionDeniedException("x", error(403, "PermissionDenied")))).isFalse();
        assertThat(azure.isRetryable(new NotFoundException("x", error(404, "404")))).isFalse();
    }

    @Test
    void failsAtOnceOnWhatItDoesNotKnow() {
        assertThat(azure.isRetryable(new ServerException("x", error(501, "NotImplemented")))).isFalse();
        assertThat(azure.isRetryable(new FoundryServiceException("x", error(409, "Conflict"), true))).isFalse();
        assertThat(azure.isRetryable(new EmptyResponseException("no text", null))).isFalse();
        assertThat(azure.isRetryable(new FoundryException("something else"))).isFalse();
    }

    @Test
    void aReplacementClassifierDecidesInstead() {
        RetryClassifier only503 = failure -> failure.statusCode() == 503;
        RetryPolicy policy = RetryPolicy.builder().classifier(only503).build();

        assertThat(policy.classifier().isRetryable(Failures.server(503))).isTrue();
        assertThat(policy.classifier().isRetryable(Failures.rateLimitedWithoutHint())).isFalse();
    }
}
