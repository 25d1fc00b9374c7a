package io.github.foundryagents.examples.docs;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.FunctionToolExecutor;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.RunStatus;
import io.github.foundryagents.core.grounding.SearchQueries;
import io.github.foundryagents.core.grounding.WaitStrategy;
import java.time.Duration;

/**
 * Code shown in docs/grounding.md; compiled by the build, checked by DocSnippetsTest. These configure real Azure;
 * GroundingFakeTest runs the fake's part of the page.
 */
@SuppressWarnings("unused")
final class GroundingSnippets {

    /** Where a caller shows a run's progress. */
    interface Progress {
        void update(RunStatus status);
    }

    private GroundingSnippets() {
    }

    static void intro() {
        // snippet: grounding#intro
        AgentClient client = AgentClient.builder().build();   // PROJECT_ENDPOINT, MODEL_DEPLOYMENT_NAME, BING_CONNECTION_ID

        GroundedAgent agent = client.groundedAgent()
                .name("news")
                .instructions("Answer briefly and cite your sources.")
                .bing(BingGrounding.connection(System.getenv("BING_CONNECTION_ID")).count(20).freshness("Week"))
                .temperature(0.2)
                .create();                                      // POST {project}/assistants, once

        GroundedAnswer answer = agent.ask("Who won the 2025 NCAA basketball championship?");
        System.out.println(answer.content());
        answer.citations().forEach(c -> System.out.println(c.title() + " <" + c.url() + ">"));
        answer.searchQueries().forEach(q -> System.out.println("searched: " + SearchQueries.bingLink(q)));
        System.out.println(answer.usage().totalTokens() + " tokens, " + answer.runDuration().toMillis() + " ms");

        agent.delete();                                         // when the agent is no longer needed
        // end-snippet
    }

    static GroundedAnswer deadline(GroundedAgent agent, String question, Progress progress) {
        // snippet: grounding#deadline
        GroundedAnswer answer = agent.ask(question, AskOptions.builder()
                .timeout(Duration.ofSeconds(90))                       // default 5 minutes, retries included
                .listener((runId, status) -> progress.update(status))  // queued, in_progress, ..., completed
                .build());
        // end-snippet
        return answer;
    }

    static GroundedAgent functionTools(AgentClient client, FunctionToolExecutor myTools) {
        // snippet: grounding#function-tools
        GroundedAgent agent = client.groundedAgent().functionTools(myTools).maxToolRounds(10).create();
        // end-snippet
        return agent;
    }

    static GroundedAgent polling(AgentClient client) {
        // snippet: grounding#polling
        WaitStrategy polling = WaitStrategy.adaptivePolling()
                .withBudget(PollBudget.perMinute(120))   // this process's share of the Agent Service's request limit
                .withPollCost(0.02);                     // more polls, quicker detection
        GroundedAgent agent = client.groundedAgent().name("news").waitStrategy(polling).create();
        // end-snippet
        return agent;
    }
}
