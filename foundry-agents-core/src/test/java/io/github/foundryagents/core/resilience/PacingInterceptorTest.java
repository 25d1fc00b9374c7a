package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.pipeline.ChatPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingInterceptorTest {

    private static final String PROMPT = "x".repeat(400); // 100 tokens + 3 framing + 3 priming = 106

    private final FakeTime time = new FakeTime();
    private final QuotaPacer pacer = new QuotaPacer(PacingOptions.learning(), time);
    private final List<Long> sentAt = new ArrayList<>();

    private static ChatResponse answer(long remainingTokens, long remainingRequests) {
        return ChatResponse.builder().content("ok").finishReason(FinishReason.STOP)
                .route(new Route("gpt-4o", Route.Reason.EXPLICIT, ""))
                .usage(new TokenUsage(106, 40, 146))
                .rateLimits(new RateLimitHeaders(Map.of(
                        "x-ratelimit-remaining-tokens", Long.toString(remainingTokens),
                        "x-ratelimit-remaining-requests", Long.toString(remainingRequests))))
                .build();
    }

    private ChatRequest request() {
        return ChatRequest.builder().user(PROMPT).deployment("gpt-4o").maxTokens(100).build();
    }

    @Test
    void reservesThePromptEstimatePlusMaxTokensAndLearnsFromTheAnswer() {
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(pacer)), r -> answer(9_000, 99));

        pipeline.execute(request());

        QuotaPacer.BudgetSnapshot budget = pacer.snapshot("gpt-4o").orElseThrow();
        assertThat(budget.tokensUsed()).isEqualTo(206);
        assertThat(budget.tokenLimit()).hasValue(9_000 + 206);
        assertThat(budget.requestLimit()).hasValue(100);
        assertThat(budget.mode()).isEqualTo("PACING");
    }

    @Test
    void a429MakesTheNextCallWaitForTheHint() {
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(pacer)), r -> {
            sentAt.add(time.nanoTime());
            if (sentAt.size() == 1) {
                throw Failures.rateLimited(Duration.ofSeconds(2), "retry-after-ms");
            }
            return answer(9_000, 99);
        });

        assertThatThrownBy(() -> pipeline.execute(request())).hasMessage("HTTP 429");
        pipeline.execute(request());

        assertThat(Duration.ofNanos(sentAt.get(1) - sentAt.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(pacer.snapshot("gpt-4o").orElseThrow().tokensUsed()).isEqualTo(206); // the refused one is free
    }

    @Test
    void aFailedCallKeepsItsChargeBecauseAzureMayHaveCountedIt() {
        QuotaPacer seeded = new QuotaPacer(PacingOptions.builder().tokensPerMinute("gpt-4o", 60_000).build(), time);
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(seeded)), r -> {
            throw Failures.server(503);
        });

        assertThatThrownBy(() -> pipeline.execute(request())).hasMessage("HTTP 503");

        assertThat(seeded.snapshot("gpt-4o").orElseThrow().tokensUsed()).isEqualTo(206);
    }

    @Test
    void needsTheDeploymentResolved() {
        ChatPipeline pipeline = new ChatPipeline(List.of(new PacingInterceptor(pacer)), r -> answer(1, 1));

        assertThatThrownBy(() -> pipeline.execute(ChatRequest.of("hi"))).hasMessageContaining("after the routing");
    }
}
