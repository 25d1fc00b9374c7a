package io.github.foundryagents.examples;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.testkit.FakeFoundry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the tour's steps share: the client, the embedded fake when there is no Azure, and the output.
 */
final class Tour {

    private final Supplier<AgentClient.Builder> builders;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final AgentClient client;
    private final FakeFoundry fake;
    private final PrintStream out;

    /**
     * @param builders makes client builders pointed where the tour runs (the embedded fake, or the endpoints and
     *     credential the environment configures); every client the tour builds records into its meters
     * @param fake the embedded fake, or {@code null} when the tour runs against configured endpoints
     * @param out where the tour prints
     */
    Tour(Supplier<AgentClient.Builder> builders, FakeFoundry fake, PrintStream out) {
        this.builders = Objects.requireNonNull(builders, "builders");
        this.client = clientBuilder().build();
        this.fake = fake;
        this.out = Objects.requireNonNull(out, "out");
    }

    AgentClient client() {
        return client;
    }

    /** @return a builder pointed where the tour runs (the fake, or Azure from the environment), for extra features */
    AgentClient.Builder clientBuilder() {
        return builders.get().meterRegistry(meters);
    }

    /** @return the usage meters of every client the tour built */
    MeterRegistry meters() {
        return meters;
    }

    /** @return the embedded fake, empty when the tour runs against configured endpoints */
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
