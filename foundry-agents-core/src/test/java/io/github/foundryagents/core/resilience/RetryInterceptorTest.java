package io.github.foundryagents.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.pipeline.ChatPipeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {

    private final FakeTime time = new FakeTime();
    private final List<ChatRequest> sent = new ArrayList<>();

    private ChatPipeline pipeline(int failuresBeforeSuccess, RuntimeException failure) {
        AtomicInteger calls = new AtomicInteger();
        RetryInterceptor retry = new RetryInterceptor(new Retrier(RetryPolicy.defaults(), time, () -> 0.5));
        return new ChatPipeline(List.of(retry), request -> {
            sent.add(request);
            if (calls.incrementAndGet() <= failuresBeforeSuccess) {
                throw failure;
            }
            return ChatResponse.builder().content("ok").finishReason(FinishReason.STOP)
                    .route(new Route("gpt-4o", Route.Reason.EXPLICIT, "")).build();
        });
    }

    @Test
    void retriesTheRestOfThePipelineUntilItSucceeds() {
        ChatResponse response = pipeline(2, Failures.server(503))
                .execute(ChatRequest.builder().user("hi").deployment("gpt-4o").build());

        assertThat(response.content()).contains("ok");
        assertThat(sent).hasSize(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void givesEveryAttemptTheSameDeadlineFromThePolicy() {
        pipeline(1, Failures.reset()).execute(ChatRequest.builder().user("hi").deployment("gpt-4o").build());

        assertThat(sent).extracting(r -> r.tag(Deadline.class).orElseThrow()).hasSize(2)
                .allSatisfy(d -> assertThat(d.timeout()).isEqualTo(Duration.ofMinutes(5)))
                .satisfies(ds -> assertThat(ds.get(0)).isSameAs(ds.get(1)));
    }

    @Test
    void theRequestsTimeoutReplacesThePolicys() {
        pipeline(0, null).execute(ChatRequest.builder().user("hi").deployment("gpt-4o")
                .timeout(Duration.ofSeconds(2)).build());

        assertThat(sent.get(0).tag(Deadline.class).orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void anEarlierDeadlineAlreadyOnTheRequestWins() {
        Deadline outer = Deadline.after(Duration.ofSeconds(1), time);

        pipeline(0, null).execute(ChatRequest.builder().user("hi").deployment("gpt-4o")
                .tag(Deadline.class, outer).build());

        assertThat(sent.get(0).tag(Deadline.class)).containsSame(outer);
    }

    @Test
    void aMaxRetryWaitTagMakesLongHintsFailAtOnce() {
        ChatPipeline p = pipeline(1, Failures.rateLimited(Duration.ofSeconds(20), "retry-after"));

        RetryAfterTooLongException e = catchThrowableOfType(RetryAfterTooLongException.class, () -> p.execute(
                ChatRequest.builder().user("hi").deployment("gpt-4o")
                        .tag(MaxRetryWait.class, new MaxRetryWait(Duration.ofSeconds(5))).build()));

        assertThat(e.requested()).isEqualTo(Duration.ofSeconds(20));
        assertThat(e.getMessage()).contains("deployment 'gpt-4o'");
        assertThat(sent).hasSize(1);
    }
}
