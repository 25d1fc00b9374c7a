package io.github.foundryagents.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.chat.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChatPipelineTest {

    private static ChatResponse answer(ChatRequest request) {
        return ChatResponse.builder().content("from " + request.deployment().orElse("?"))
                .finishReason(FinishReason.STOP).route(new Route(request.deployment().orElse("?"),
                        Route.Reason.EXPLICIT, "")).build();
    }

    @Test
    void interceptorsRunOutermostFirstAndSeeTheResponseInReverse() {
        List<String> trace = new ArrayList<>();
        ChatInterceptor a = (req, chain) -> {
            trace.add("a>");
            ChatResponse r = chain.proceed(req);
            trace.add("<a");
            return r;
        };
        ChatInterceptor b = (req, chain) -> {
            trace.add("b>");
            ChatResponse r = chain.proceed(req.toBuilder().deployment("changed-by-b").build());
            trace.add("<b");
            return r;
        };
        ChatPipeline pipeline = new ChatPipeline(List.of(a, b), req -> {
            trace.add("transport");
            return answer(req);
        });

        ChatResponse response = pipeline.execute(ChatRequest.builder().user("hi").deployment("d").build());

        assertThat(trace).containsExactly("a>", "b>", "transport", "<b", "<a");
        assertThat(response.content()).contains("from changed-by-b");
    }

    @Test
    void anInterceptorMayProceedSeveralTimesOrNotAtAll() {
        AtomicInteger sends = new AtomicInteger();
        ChatInterceptor twice = (req, chain) -> {
            chain.proceed(req);
            return chain.proceed(req);
        };
        new ChatPipeline(List.of(twice), req -> {
            sends.incrementAndGet();
            return answer(req);
        }).execute(ChatRequest.builder().user("x").deployment("d").build());
        assertThat(sends).hasValue(2);

        ChatInterceptor shortCircuit = (req, chain) -> answer(req);
        new ChatPipeline(List.of(shortCircuit), req -> {
            throw new AssertionError("the transport must not be called");
        }).execute(ChatRequest.builder().user("x").deployment("d").build());
    }
}
