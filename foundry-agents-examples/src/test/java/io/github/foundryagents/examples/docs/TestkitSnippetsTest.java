package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.CompletionOptions;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.FinishReason;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Fault;
import io.github.foundryagents.testkit.Quota;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Code shown in docs/testkit.md, each snippet run against the fake; DocSnippetsTest checks the page's text. */
@WithFakeFoundry
class TestkitSnippetsTest {

    @Test
    void startingAFakeByHand() {
        // snippet: testkit#start
        try (FakeFoundry fake = FakeFoundry.builder()
                .deployment("prod-gpt-4o", "gpt-4o-2024-11-20")       // served besides gpt-4o and gpt-4o-mini
                .quota("prod-gpt-4o", Quota.tpm(30_000))              // 30K TPM, 180 RPM
                .start()) {                                           // a free port on 127.0.0.1
            AgentClient client = fake.clientBuilder()                 // endpoints set, fake Entra ID token
                    .deployment("gpt4", "prod-gpt-4o")
                    .build();
            fake.chat().enqueue(Reply.text("Hello from the fake"));
            String answer = client.complete("Hi", CompletionOptions.builder().deployment("gpt4").build());
            assertThat(answer).isEqualTo("Hello from the fake");
            assertThat(fake.journal().last().deployment()).isEqualTo("prod-gpt-4o");
        }
        // end-snippet
    }

    @Test
    void scriptingReplies(FakeFoundry fake, AgentClient client) {
        // snippet: testkit#script
        fake.chat().enqueue(Reply.text("first"), Reply.text("second"));         // answered in order
        fake.chat().enqueueFor("gpt-4o", Reply.text("only for gpt-4o"));          // per deployment, before the shared queue
        fake.chat().enqueue(Reply.text("slow, cut short")
                .withDelay(Duration.ofMillis(200))
                .withFinishReason("length")
                .withUsage(12, 300)
                .withHeader("x-ms-region", "swedencentral"));
        fake.chat().enqueue(Reply.error(400, "invalid_request_error", "Invalid value for 'temperature'."));
        // when the queue is empty: respondWith(request -> reply), else an echo of the prompt
        // end-snippet

        assertThat(client.complete("1")).isEqualTo("first");
        assertThat(client.chat(ChatRequest.builder().user("2").deployment("gpt4").build()).content())
                .contains("only for gpt-4o");
        assertThat(client.complete("3")).isEqualTo("second");
        ChatResponse cut = client.chat(ChatRequest.of("4"));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(cut.usage().completionTokens()).isEqualTo(300);
        assertThatThrownBy(() -> client.complete("5")).hasMessageContaining("Invalid value for 'temperature'");
        assertThat(client.complete("6")).isEqualTo("Fake reply from gpt-4o-mini to: 6");
    }

    @Test
    void computedReplies(FakeFoundry fake, AgentClient client) {
        // snippet: testkit#respond-with
        fake.chat().respondWith(request -> request.messages().toString().contains("refund")
                ? Reply.text("Refunds take 5 days.")
                : Reply.toolCall("search_database", "{\"query\":\"orders\"}"));
        // end-snippet

        assertThat(client.complete("How do refunds work?")).isEqualTo("Refunds take 5 days.");
        assertThat(client.chat(ChatRequest.of("Find my orders")).toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.name()).isEqualTo("search_database"));
    }

    @Test
    void quotaEmulation(FakeFoundry fake) {
        // snippet: testkit#quota
        fake.quota("gpt-4o-mini", Quota.tpm(1_000));          // 6 RPM: one request per 10-second window
        AgentClient bare = fake.clientBuilder().retryPolicy(RetryPolicy.none()).pacing(PacingOptions.disabled()).build();
        CompletionOptions small = CompletionOptions.builder().maxTokens(100).build();

        bare.complete("first", small);                        // passes, and spends the window's request
        RateLimitException refused = (RateLimitException) org.assertj.core.api.Assertions
                .catchThrowable(() -> bare.complete("second", small));
        refused.retryAfter();                                 // Optional[PT…]: Azure's retry-after-ms / retry-after
        fake.quotaRefusals("gpt-4o-mini");                    // 1
        // end-snippet

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.retryAfter()).isPresent();
        assertThat(fake.quotaRefusals("gpt-4o-mini")).isEqualTo(1);
    }

    @Test
    void faultInjection(FakeFoundry fake) {
        AgentClient client = fake.clientBuilder()
                .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10)).build()).build();

        // snippet: testkit#faults
        fake.faults().next(2, Fault.status(503)).next(Fault.connectionReset());
        fake.chat().enqueue(Reply.text("fourth time lucky"));

        String answer = client.complete("Hi");                // retried through two 503s and a reset
        fake.faults().injected();                             // 3
        fake.faults().pending();                              // 0
        // end-snippet

        assertThat(answer).isEqualTo("fourth time lucky");
        assertThat(fake.faults().injected()).isEqualTo(3);
        assertThat(fake.faults().pending()).isZero();
    }

    @Test
    void journal(FakeFoundry fake, AgentClient client) {
        client.chat(ChatRequest.builder().system("Be brief.").user("Hi").deployment("gpt4").maxTokens(50).build());

        // snippet: testkit#journal
        RecordedRequest last = fake.journal().last();
        last.deployment();                                    // "gpt-4o": gpt4 resolved by the client
        last.path();                                          // "/openai/v1/chat/completions"
        last.header("authorization");                         // Optional[Bearer fake-token]
        last.body().path("max_tokens").asInt();               // 50: the JSON Azure received
        last.messages();                                      // the messages array
        fake.journal().chatRequests();                        // chat calls only, oldest first
        fake.journal().matching(r -> r.deployment() != null && r.deployment().equals("gpt-4o")).size();
        // end-snippet

        assertThat(last.deployment()).isEqualTo("gpt-4o");
        assertThat(last.path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(last.header("authorization")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer "));
        assertThat(last.body().path("max_tokens").asInt()).isEqualTo(50);
        assertThat(last.messages()).hasSize(2);
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(AgentServiceGeneration.class)
    void agentServiceOfBothGenerations(AgentServiceGeneration generation, FakeFoundry fake) {
        // snippet: testkit#agents
        fake.agents().enqueue(RunScript.answer("Florida won.").citing("https://ncaa.com", "NCAA final"));
        fake.agents().runDuration(Duration.ofSeconds(20));    // service time; scaled by timeScale, 0.01 by default

        AgentClient client = fake.clientBuilder().agentService(generation).build();   // CLASSIC or RESPONSES
        GroundedAgent agent = client.groundedAgent().name("news")
                .bing(BingGrounding.connection(fake.agents().bingConnectionId()))   // the fake's valid connection
                .create();
        GroundedAnswer answer = agent.ask("Who won the 2025 NCAA basketball championship?");

        fake.agents().runs();                                 // id, conversation, status and times of every run
        fake.agents().liveConversations();                    // 0: the thread or conversation was deleted
        // end-snippet

        assertThat(answer.content()).contains("Florida won.");
        assertThat(answer.citations()).extracting(Citation::url).containsExactly("https://ncaa.com");
        assertThat(fake.agents().runs()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("completed"));
        assertThat(fake.agents().liveConversations()).isZero();
    }
}
