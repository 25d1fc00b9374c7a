package io.github.foundryagents.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.ServiceError;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import io.github.foundryagents.core.resilience.MaxRetryWait;
import io.github.foundryagents.core.resilience.RetryAfterTooLongException;
import io.github.foundryagents.core.resilience.RetryExhaustedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Spill-over against the retry step's contract: the downstream chain here plays the retry step (it reads the
 * {@link MaxRetryWait} tag and throws what a retry step throws); the routing interceptor is the real one.
 */
class RoutingInterceptorTest {

    private final FoundryConfig config = FoundryConfig.fromMap(Map.of("AZURE_OPENAI_ENDPOINT",
            "https://example.openai.azure.com"));
    private final List<ChatRequest> seen = new ArrayList<>();

    private RoutingInterceptor routing(SpillOver spillOver) {
        return new RoutingInterceptor(config.deployments(), "gpt4-mini", ModelRouter.defaults(), spillOver);
    }

    private static ChatResponse answer(ChatRequest request) {
        String d = request.deployment().orElseThrow();
        return ChatResponse.builder().content("from " + d).finishReason(FinishReason.STOP)
                .route(new Route(d, Route.Reason.EXPLICIT, "")).build();
    }

    private ChatInterceptor.Chain retryStepThatHonoursTheTag(Duration serverWait, String saturated) {
        return request -> {
            seen.add(request);
            if (!request.deployment().orElseThrow().equals(saturated)) {
                return answer(request);
            }
            RateLimitException limited = rateLimited(serverWait);
            Optional<Duration> allowed = request.tag(MaxRetryWait.class).map(MaxRetryWait::value);
            if (allowed.isPresent() && serverWait.compareTo(allowed.get()) > 0) {
                throw new RetryAfterTooLongException("too long", limited, serverWait, allowed.get());
            }
            throw new RetryExhaustedException("gave up", limited, 6, serverWait.multipliedBy(5));
        };
    }

    @Test
    void tagsEveryAttemptButTheLastWithTheThresholdAndSpillsOnATooLongWait() {
        ChatRequest request = ChatRequest.of("Please debug this stack trace");

        ChatResponse response = routing(SpillOver.builder().fallbacks("gpt4", "gpt4-mini")
                .maxWait(Duration.ofSeconds(3)).build())
                .intercept(request, retryStepThatHonoursTheTag(Duration.ofSeconds(45), "gpt-4o"));

        assertThat(seen).extracting(r -> r.deployment().orElseThrow()).containsExactly("gpt-4o", "gpt-4o-mini");
        assertThat(seen.get(0).tag(MaxRetryWait.class)).contains(new MaxRetryWait(Duration.ofSeconds(3)));
        assertThat(seen.get(1).tag(MaxRetryWait.class)).isEmpty();
        assertThat(response.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(response.route().reason()).isEqualTo(Route.Reason.SPILLOVER);
        assertThat(response.route().detail())
                .isEqualTo("spilled over from gpt-4o (HTTP 429 asked to wait 45s, more than the 3s this call may"
                        + " wait there); first choice: complex prompt: router alias gpt4 -> deployment gpt-4o");
    }

    @Test
    void keepsACallersShorterWaitLimit() {
        ChatRequest request = ChatRequest.builder().user("debug").tag(MaxRetryWait.class,
                new MaxRetryWait(Duration.ofMillis(500))).build();

        routing(SpillOver.builder().fallbacks("gpt-4o", "gpt-4o-mini").build())
                .intercept(request, retryStepThatHonoursTheTag(Duration.ofSeconds(1), "gpt-4o"));

        assertThat(seen.get(0).tag(MaxRetryWait.class)).contains(new MaxRetryWait(Duration.ofMillis(500)));
        assertThat(seen.get(1).tag(MaxRetryWait.class)).contains(new MaxRetryWait(Duration.ofMillis(500)));
    }

    @Test
    void spillsWhenRetriesRunOutOnRateLimitsOrTransientServerErrors() {
        SpillOver spill = SpillOver.builder().fallbacks("gpt-4o", "gpt-4o-mini").build();
        ChatRequest request = ChatRequest.builder().user("x").deployment("gpt-4o").build();

        ChatResponse response = routing(spill).intercept(request,
                failOn("gpt-4o", new RetryExhaustedException("gave up", serverError(503), 6, Duration.ofSeconds(20))));

        assertThat(response.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(response.route().detail()).startsWith("spilled over from gpt-4o (HTTP 503 after 6 attempts)")
                .endsWith("first choice: requested deployment gpt-4o");
    }

    @Test
    void doesNotSpillOnFailuresThatWouldHitEveryDeployment() {
        SpillOver spill = SpillOver.builder().fallbacks("gpt-4o", "gpt-4o-mini").build();
        ChatRequest request = ChatRequest.builder().user("x").deployment("gpt-4o").build();
        FoundryException connection = new RetryExhaustedException("gave up",
                new FoundryException("connection refused", null, 0, null, true, null), 6, Duration.ofSeconds(9));

        assertThatThrownBy(() -> routing(spill).intercept(request, failOn("gpt-4o", connection))).isSameAs(connection);
        FoundryException notImplemented = serverError(501);
        assertThatThrownBy(() -> routing(spill).intercept(request, failOn("gpt-4o", notImplemented)))
                .isSameAs(notImplemented);
        assertThat(seen).allMatch(r -> r.deployment().orElseThrow().equals("gpt-4o"));
    }

    @Test
    void followsTheWholeListAndThrowsTheLastFailureWithTheEarlierOnesSuppressed() {
        SpillOver spill = SpillOver.builder().fallbacks("ptu", "gpt-4o", "gpt-4o-mini").build();
        ChatRequest request = ChatRequest.builder().user("x").deployment("ptu").build();
        FoundryException last = serverError(503);

        assertThatThrownBy(() -> routing(spill).intercept(request, r -> {
            seen.add(r);
            throw r.deployment().orElseThrow().equals("gpt-4o-mini") ? last : serverError(500);
        })).isSameAs(last).satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
        assertThat(seen).extracting(r -> r.deployment().orElseThrow()).containsExactly("ptu", "gpt-4o", "gpt-4o-mini");
    }

    @Test
    void aSpillOverKeyMayBeAnAliasButNotBothAnAliasAndItsDeployment() {
        SpillOver both = SpillOver.builder().fallbacks("gpt4", "x").fallbacks("gpt-4o", "y").build();

        assertThatThrownBy(() -> routing(both)).hasMessageContaining("two fallback lists for deployment 'gpt-4o'");
    }

    private ChatInterceptor.Chain failOn(String deployment, FoundryException failure) {
        return request -> {
            seen.add(request);
            if (request.deployment().orElseThrow().equals(deployment)) {
                throw failure;
            }
            return answer(request);
        };
    }

    private static RateLimitException rateLimited(Duration wait) {
        return new RateLimitException("429", new ServiceError(429, "429", "Rate limit", null, wait));
    }

    private static ServerException serverError(int status) {
        return new ServerException("HTTP " + status, new ServiceError(status, "x", "server error", null, null));
    }
}
