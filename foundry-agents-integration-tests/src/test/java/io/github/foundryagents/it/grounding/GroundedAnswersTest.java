package io.github.foundryagents.it.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.RunStatus;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@WithFakeFoundry
class GroundedAnswersTest {

    private static GroundedAgent agent(FakeFoundry fake, AgentClient client, Waiting waiting) {
        return client.groundedAgent().name("news").instructions("Answer with sources.")
                .bing(BingGrounding.connection(fake.agents().bingConnectionId()).count(20))
                .temperature(0.2).waitStrategy(waiting.strategy()).create();
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void answersWithCitationsUsageAndIdsThenDeletesTheThread(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.answer("Florida won the 2025 title.")
                .citing("https://ncaa.com/final", "2025 NCAA final").citing("https://espn.com/recap", "Recap")
                .withUsage(1216, 76));
        GroundedAgent agent = agent(fake, client, waiting);

        GroundedAnswer answer = agent.ask("Who won the 2025 NCAA championship?");

        assertThat(answer.content()).startsWith("Florida won the 2025 title.");
        assertThat(answer.citations()).extracting(Citation::title, Citation::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2025 NCAA final", "https://ncaa.com/final"),
                org.assertj.core.groups.Tuple.tuple("Recap", "https://espn.com/recap"));
        Citation first = answer.citations().get(0);
        assertThat(answer.content().substring(first.startIndex(), first.endIndex())).isEqualTo(first.markedText())
                .isNotEmpty();
        assertThat(answer.searchQueries()).containsExactly("Who won the 2025 NCAA championship?");
        assertThat(answer.usage().promptTokens()).isEqualTo(1216);
        assertThat(answer.usage().completionTokens()).isEqualTo(76);
        assertThat(answer.usage().totalTokens()).isEqualTo(1292);
        assertThat(answer.agentId()).isEqualTo(agent.id());
        assertThat(answer.threadId()).startsWith(Setups.classic(generation) ? "thread_" : "conv_");
        assertThat(answer.runId()).startsWith(Setups.classic(generation) ? "run_" : "resp_");
        assertThat(answer.runDuration()).isPositive();
        assertThat(fake.agents().liveConversations()).isZero();
        assertThat(fake.journal().matching(r -> r.method().equals("DELETE") && r.path().endsWith(answer.threadId())))
                .hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void usageCarriesCachedPromptAndReasoningTokens(AgentServiceGeneration generation, Waiting waiting,
            FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.answer("Cached and reasoned.").withUsage(2048, 300).withTokenDetails(1536, 192));

        GroundedAnswer answer = agent(fake, client, waiting).ask("What did the cache save?");

        assertThat(answer.usage()).isEqualTo(new TokenUsage(2048, 300, 2348, 1536, 192));
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void citationTitleFallsBackToTheUrl(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        fake.agents().enqueue(RunScript.answer("See the source.").citing("https://example.org/untitled", null));

        GroundedAnswer answer = agent(fake, client, waiting).ask("Anything new?");

        assertThat(answer.citations()).singleElement().satisfies(c -> {
            assertThat(c.url()).isEqualTo("https://example.org/untitled");
            assertThat(c.title()).isEqualTo("https://example.org/untitled");
        });
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void listenersSeeEveryStatusChangeInOrder(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        List<RunStatus> seen = new CopyOnWriteArrayList<>();
        GroundedAgent agent = agent(fake, client, waiting);

        agent.ask("Status?", AskOptions.builder().listener((runId, status) -> seen.add(status)).build());

        assertThat(seen.get(0)).isEqualTo(RunStatus.QUEUED);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(RunStatus.COMPLETED);
        assertThat(seen).doesNotHaveDuplicates();
        if (waiting == Waiting.STREAMING) {
            assertThat(seen).containsExactly(RunStatus.QUEUED, RunStatus.IN_PROGRESS, RunStatus.COMPLETED);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void streamingNeedsOneRequestPerRunWhilePollingReadsTheStatus(AgentServiceGeneration generation, Waiting waiting,
            FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        GroundedAgent agent = agent(fake, client, waiting);
        fake.journal().clear();

        GroundedAnswer answer = agent.ask("How many requests?");

        List<RecordedRequest> runRequests = fake.journal().matching(r -> r.path().contains("/runs")
                || r.path().contains("/responses"));
        List<RecordedRequest> polls = fake.journal().matching(r -> r.method().equals("GET")
                && r.path().endsWith("/" + answer.runId()));
        if (waiting == Waiting.STREAMING) {
            assertThat(runRequests).singleElement().satisfies(r -> assertThat(r.body().path("stream").asBoolean())
                    .isTrue());
            assertThat(fake.journal().count()).isEqualTo(3); // conversation+question, streamed run, deletion
        } else {
            assertThat(polls).isNotEmpty();
            // the classic service needs the messages list; a response carries its output
            assertThat(fake.journal().matching(r -> r.path().endsWith("/messages")))
                    .hasSize(Setups.classic(generation) ? 1 : 0);
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.foundryagents.it.grounding.Setups#all")
    void anAgentWithoutBingAnswersWithoutCitations(AgentServiceGeneration generation, Waiting waiting, FakeFoundry fake) {
        AgentClient client = Setups.client(fake, generation);
        GroundedAgent plain = client.groundedAgent().bing(null).waitStrategy(waiting.strategy()).create();

        GroundedAnswer answer = plain.ask("Hello?");

        assertThat(answer.content()).isEqualTo("Fake grounded answer to: Hello?");
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.searchQueries()).isEmpty();
    }
}
