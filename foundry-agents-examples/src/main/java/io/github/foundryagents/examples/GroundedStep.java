package io.github.foundryagents.examples;

import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.grounding.SearchQueries;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import java.util.Locale;

/**
 * A question answered by an agent grounded with Bing on the Foundry Agent Service: the answer, its citations and
 * the searches behind them. On Azure it needs {@code PROJECT_ENDPOINT} and {@code BING_CONNECTION_ID}.
 */
final class GroundedStep implements TourStep {

    @Override
    public String name() {
        return "grounded";
    }

    @Override
    public String description() {
        return "a Bing-grounded question on the Foundry Agent Service (--agent-service classic|responses): answer,"
                + " citations, searches";
    }

    @Override
    public void run(Tour tour) {
        if (tour.fake().isEmpty() && tour.client().config().bingConnectionId().isEmpty()
                && tour.client().config().projectEndpoint().isPresent()) {
            tour.line("skipped: set " + FoundryEnv.BING_CONNECTION_ID + " to the id of your project's Grounding with"
                    + " Bing Search connection (Terraform output bing_connection_id) to ask a grounded question");
            return;
        }
        var builder = tour.client().groundedAgent().name("quickstart-grounded")
                .instructions("Answer briefly and cite your sources.").temperature(0.2)
                .waitStrategy(WaitStrategy.streaming());
        tour.fake().ifPresent(fake -> {
            fake.agents().enqueue(RunScript.answer("The Foundry Agent Service retires its classic threads and runs"
                    + " API on 31 March 2027; agents move to the Responses API.")
                    .citing("https://learn.microsoft.com/azure/ai-foundry/agents/how-to/migrate", "Migrate to the"
                            + " new Agent Service")
                    .citing("https://learn.microsoft.com/azure/ai-foundry/agents/overview", null)
                    .withDuration(Duration.ofSeconds(20)));
            builder.bing(BingGrounding.connection(fake.agents().bingConnectionId()).count(20));
        });
        GroundedAgent agent;
        try {
            agent = builder.create();
        } catch (FoundryConfigException e) {
            // Missing or malformed PROJECT_ENDPOINT / BING_CONNECTION_ID: the library's message says what to set.
            tour.line("skipped: " + e.getMessage());
            return;
        }
        tour.line("agent:      " + agent.id() + " on the " + tour.client().config().agentService().settingValue()
                + " Agent Service");
        long started = System.nanoTime();
        try {
            GroundedAnswer answer = agent.ask("When does the classic Foundry Agent Service API retire?",
                    AskOptions.builder().timeout(Duration.ofMinutes(2))
                            .listener((run, status) -> tour.line("run " + run + ": " + status.wireName() + " after "
                                    + elapsed(started)))
                            .build());
            tour.line("answer:     " + answer.content());
            for (Citation c : answer.citations()) {
                tour.line("source:     " + c.title() + " <" + c.url() + ">");
            }
            answer.searchQueries().forEach(q -> tour.line("searched:   " + q + " (" + SearchQueries.bingLink(q)
                    + ")"));
            tour.line("usage:      " + Tour.usage(answer.usage()) + " in " + answer.runDuration().toMillis() + " ms");
        } finally {
            agent.delete();
        }
    }

    private static String elapsed(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }
}
