package io.github.foundryagents.examples;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.RateLimitHeaders;
import io.github.foundryagents.testkit.Fault;
import java.util.OptionalLong;

/**
 * Retries and pacing: transient failures are retried transparently, and every answer carries the deployment's
 * remaining budget, from which the client paces itself.
 */
final class ResilienceStep implements TourStep {

    @Override
    public String name() {
        return "resilience";
    }

    @Override
    public String description() {
        return "retries that obey Azure and client-side TPM/RPM pacing learned from rate-limit headers";
    }

    @Override
    public void run(Tour tour) {
        tour.fake().ifPresent(fake -> {
            fake.journal().clear();
            fake.faults().next(2, Fault.status(503));
        });
        ChatResponse response = tour.client().chat(ChatRequest.builder()
                .user("Name one reason to pace requests client-side.").maxTokens(50).build());
        tour.fake().ifPresent(fake -> tour.line("the fake answered 503 twice; the client retried them (one WARN line per retry)"
                + " and got through on request " + fake.journal().chatRequests().size()));
        tour.line("answer:     " + response.content().orElse("(no text)"));
        RateLimitHeaders limits = response.rateLimits();
        tour.line("budget:     " + remaining(limits.remainingTokens()) + " tokens and "
                + remaining(limits.remainingRequests()) + " requests left in the window, which the pacer learns from");
    }

    private static String remaining(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "(not reported)";
    }
}
