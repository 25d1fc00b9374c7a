package io.github.foundryagents.core.resilience;

import io.github.foundryagents.core.FoundryConnectionException;
import io.github.foundryagents.core.FoundryServiceException;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.ServiceError;
import java.io.IOException;
import java.time.Duration;

/** Failures as the transport raises them, for tests of the retry logic. */
final class Failures {

    private Failures() {
    }

    static RateLimitException rateLimited(Duration hint, String header) {
        return new RateLimitException("HTTP 429", new ServiceError(429, "429", "Rate limit is exceeded.", "req-1",
                hint, header));
    }

    static RateLimitException rateLimitedWithoutHint() {
        return new RateLimitException("HTTP 429", new ServiceError(429, "429", "Rate limit is exceeded.", null, null));
    }

    static FoundryServiceException server(int status) {
        return new ServerException("HTTP " + status, new ServiceError(status, "ServiceUnavailable", "busy", "req-2",
                null));
    }

    static FoundryConnectionException reset() {
        return new FoundryConnectionException("POST /openai/v1/chat/completions failed before a complete response"
                + " arrived (IOException: Connection reset)", new IOException("Connection reset"));
    }
}
