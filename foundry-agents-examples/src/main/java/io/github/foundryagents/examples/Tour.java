package io.github.foundryagents.examples;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.testkit.FakeFoundry;
import java.io.PrintStream;
import java.util.Optional;

/**
 * What the tour's steps share: the client, the embedded fake when there is no Azure, and the output.
 */
final class Tour {

    private final AgentClient client;
    private final FakeFoundry fake;
    private final PrintStream out;

    Tour(AgentClient client, FakeFoundry fake, PrintStream out) {
        this.client = client;
        this.fake = fake;
        this.out = out;
    }

    AgentClient client() {
        return client;
    }

    /** @return a builder pointed where the tour runs (the fake, or Azure from the environment), for extra features */
    AgentClient.Builder clientBuilder() {
        return fake().map(FakeFoundry::clientBuilder).orElseGet(AgentClient::builder);
    }

    /** @return the embedded fake, empty when the tour runs against real Azure */
    Optional<FakeFoundry> fake() {
        return Optional.ofNullable(fake);
    }

    void heading(String title) {
        out.println();
        out.println("== " + title);
    }

    void line(String text) {
        out.println("   " + text);
    }

    static String usage(TokenUsage usage) {
        return usage.promptTokens() + " prompt + " + usage.completionTokens() + " completion = "
                + usage.totalTokens() + " tokens";
    }
}
