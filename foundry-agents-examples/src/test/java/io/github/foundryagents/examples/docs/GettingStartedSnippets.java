package io.github.foundryagents.examples.docs;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.CompletionOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;

/** Code shown in README.md and docs/getting-started.md; compiled by the build, checked by DocSnippetsTest. */
@SuppressWarnings("unused")
final class GettingStartedSnippets {

    private GettingStartedSnippets() {
    }

    static void readmeExample() {
        // snippet: readme
        // AZURE_OPENAI_ENDPOINT=https://my-resource.openai.azure.com, AZURE_CLIENT_ID=<managed identity client id>
        AgentClient client = AgentClient.builder().build();      // one per process; thread-safe

        String answer = client.complete("Summarise our refund policy in two sentences.");

        ChatResponse response = client.chat(ChatRequest.builder()
                .system("You are a concise assistant.")
                .user("What is Azure AI Foundry?")
                .deployment("gpt4")                                // alias -> AZURE_OPENAI_DEPLOYMENT_GPT4
                .maxTokens(200)
                .build());
        System.out.println(response.content().orElseThrow());
        System.out.println(response.deployment() + " used " + response.usage().totalTokens() + " tokens");
        // end-snippet
    }

    static void firstCall() {
        // snippet: getting-started#first-call
        AgentClient client = AgentClient.builder().build();   // reads the environment; build once, share it

        String haiku = client.complete("Write a haiku about rate limits",
                CompletionOptions.builder().systemPrompt("You are a poet.").deployment("gpt4").build());

        ChatResponse response = client.chat(ChatRequest.builder()
                .user("What is Azure AI Foundry?")
                .maxTokens(200)
                .build());
        System.out.println(response.content().orElse("") + " (" + response.deployment() + ", "
                + response.usage().totalTokens() + " tokens)");
        // end-snippet
    }

    static void configInCode() {
        // snippet: getting-started#config-in-code
        AgentClient client = AgentClient.builder()
                .endpoint("https://my-resource.openai.azure.com")
                .managedIdentityClientId("8f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f")
                .deployment("gpt4", "prod-gpt-4o")
                .build();
        // end-snippet
    }
}
