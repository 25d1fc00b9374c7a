package io.github.foundryagents.examples.docs;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.WaitStrategy;

/** Code shown in docs/grounding.md; compiled by the build, checked by DocSnippetsTest. */
@SuppressWarnings("unused")
final class GroundingSnippets {

    private GroundingSnippets() {
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
