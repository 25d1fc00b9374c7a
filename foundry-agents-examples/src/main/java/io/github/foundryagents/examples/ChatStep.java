package io.github.foundryagents.examples;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.testkit.Reply;

/**
 * A chat completion: the answer, the deployment that gave it and why, and the tokens it cost.
 */
final class ChatStep implements TourStep {

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String description() {
        return "a chat completion with managed identity: answer, deployment, token usage";
    }

    @Override
    public void run(Tour tour) {
        tour.fake().ifPresent(fake -> fake.chat().enqueue(Reply.text("Azure AI Foundry is Microsoft's platform for"
                + " building, deploying and operating AI models and agents with enterprise security.")));
        ChatResponse response = tour.client().chat(ChatRequest.builder()
                .system("You are a concise assistant.")
                .user("In one sentence, what is Azure AI Foundry?")
                .maxTokens(200)
                .build());
        tour.line("answer:     " + response.content().orElse("(no text)"));
        tour.line("deployment: " + response.deployment() + " (" + response.route().detail() + ")");
        tour.line("usage:      " + Tour.usage(response.usage()));
    }
}
