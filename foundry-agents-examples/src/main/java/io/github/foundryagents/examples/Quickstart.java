package io.github.foundryagents.examples;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.testkit.FakeFoundry;
import java.io.PrintStream;
import java.util.List;

/**
 * The quickstart tour. With no {@code AZURE_OPENAI_ENDPOINT} it starts the testkit's fake Azure in-process and
 * says so; with it, it talks to Azure using managed identity or your developer sign-in ({@code az login}).
 *
 * <p>Arguments: {@code --only <step>} runs one step; {@code --list} lists them; {@code --agent-service
 * classic|responses} picks the Agent Service generation of the grounded step (default: {@code FOUNDRY_AGENT_SERVICE},
 * else classic).
 */
public final class Quickstart {

    private static final List<TourStep> STEPS = List.of(new ChatStep(), new ResilienceStep(), new CostControlStep(),
            new AgentStep(), new GroundedStep(), new TasksStep(), new CapacityStep());

    private Quickstart() {
    }

    /**
     * @param args see the class comment
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        String only = null;
        String generation = System.getenv(FoundryEnv.FOUNDRY_AGENT_SERVICE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list" -> {
                    STEPS.forEach(s -> out.println(s.name() + "\t" + s.description()));
                    return;
                }
                case "--only" -> only = i + 1 < args.length ? args[++i] : null;
                case "--agent-service" -> generation = i + 1 < args.length ? args[++i] : null;
                default -> {
                    out.println("unknown argument " + args[i] + "; use --list, --only <step> or --agent-service"
                            + " classic|responses");
                    System.exit(2);
                }
            }
        }
        String step = only;
        List<TourStep> selected = step == null ? STEPS : STEPS.stream().filter(s -> s.name().equals(step)).toList();
        if (selected.isEmpty()) {
            out.println("no step named " + step + "; use --list");
            System.exit(2);
        }
        AgentServiceGeneration agentService = generation == null ? AgentServiceGeneration.CLASSIC
                : AgentServiceGeneration.fromSetting(generation).orElse(null);
        if (agentService == null) {
            out.println("unknown agent service " + generation + "; use classic or responses");
            System.exit(2);
        }
        boolean azure = System.getenv(FoundryEnv.AZURE_OPENAI_ENDPOINT) != null;
        try (FakeFoundry fake = azure ? null : FakeFoundry.start()) {
            AgentClient client = (azure ? AgentClient.builder() : fake.clientBuilder()).agentService(agentService)
                    .build();
            out.println(azure
                    ? "foundry-agents quickstart against Azure at " + client.config().endpoint()
                            + " (credentials: " + (client.config().apiKey().isPresent() ? "API key"
                                    : "DefaultAzureCredential") + ")"
                    : "foundry-agents quickstart: no " + FoundryEnv.AZURE_OPENAI_ENDPOINT + " set, so this runs"
                            + " against the embedded fake Azure (FakeFoundry) at " + fake.endpoint()
                            + ". Set " + FoundryEnv.AZURE_OPENAI_ENDPOINT + " to use your Azure resource.");
            Tour tour = new Tour(client, fake, out);
            for (TourStep s : selected) {
                tour.heading(s.name() + ": " + s.description());
                s.run(tour);
            }
        } catch (FoundryException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }
}
