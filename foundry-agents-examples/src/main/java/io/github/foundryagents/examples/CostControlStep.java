package io.github.foundryagents.examples;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.core.usage.UsageTotals;

/**
 * Cost control: the router sends a simple and a complex prompt to different deployments, a repeated question is
 * answered from the cache, and the usage report shows tokens and what they cost.
 */
final class CostControlStep implements TourStep {

    private static final String USER = "quickstart-user";

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public String description() {
        return "model router, response cache, usage report with cost and a monthly token limit";
    }

    @Override
    public void run(Tour tour) {
        AgentClient client = tour.clientBuilder()
                .router(ModelRouter.defaults())
                .cache(CacheOptions.defaults())
                .monthlyTokenLimit(100_000)
                .build();
        show(tour, client.chat(ask("What is the capital of France?")));
        show(tour, client.chat(ask("Compare Standard and Provisioned Azure OpenAI deployments in three bullets.")));
        show(tour, client.chat(ask("What is the capital of France?")));
        UsageTotals month = client.usage().orElseThrow().usageThisMonth(USER);
        tour.line("this month: " + month.calls() + " calls to Azure, " + Tour.usage(month.tokens()) + ", cost "
                + month.cost().map(Object::toString).orElse("unpriced") + " (limit 100,000 tokens)");
    }

    private static ChatRequest ask(String prompt) {
        return ChatRequest.builder().user(prompt).userId(USER).maxTokens(200).cacheable(true).build();
    }

    private static void show(Tour tour, ChatResponse response) {
        tour.line((response.cached() ? "cached  " : "answered") + " by " + response.deployment() + " ("
                + response.route().detail() + ")");
    }
}
