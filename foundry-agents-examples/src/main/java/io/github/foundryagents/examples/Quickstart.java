package io.github.foundryagents.examples;

import com.azure.core.credential.TokenCredential;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.core.usage.CostTable;
import io.github.foundryagents.testkit.FakeFoundry;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The quickstart tour. With no {@code AZURE_OPENAI_ENDPOINT} it starts the testkit's fake Azure in-process and
 * says so; with it, every step talks to the endpoints the environment names ({@code AZURE_OPENAI_ENDPOINT},
 * {@code PROJECT_ENDPOINT}, {@code BING_CONNECTION_ID}, ...) using managed identity or your developer sign-in
 * ({@code az login}).
 *
 * <p>Arguments: {@code --only <step>} runs one step; {@code --list} lists them; {@code --agent-service
 * classic|responses} picks the Agent Service generation of the grounded step (default: {@code FOUNDRY_AGENT_SERVICE},
 * else classic).
 */
public final class Quickstart {

    static final List<TourStep> STEPS = List.of(new ChatStep(), new ResilienceStep(), new CostControlStep(),
            new AgentStep(), new GroundedStep(), new TasksStep(), new CapacityStep());

    private Quickstart() {
    }

    /**
     * Runs the tour on the process environment and exits with its status.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), null, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the tour.
     *
     * @param args see the class comment
     * @param env the environment variables to configure the client from (see {@link FoundryEnv})
     * @param credential the Entra ID credential for configured endpoints; {@code null} for
     *     {@code DefaultAzureCredential}
     * @param out where the tour prints
     * @return the exit status: 0 done, 1 a step failed, 2 bad arguments
     */
    static int run(String[] args, Map<String, String> env, TokenCredential credential, PrintStream out) {
        String only = null;
        String generation = env.get(FoundryEnv.FOUNDRY_AGENT_SERVICE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--list" -> {
                    STEPS.forEach(s -> out.println(s.name() + "\t" + s.description()));
                    return 0;
                }
                case "--only" -> only = i + 1 < args.length ? args[++i] : null;
                case "--agent-service" -> generation = i + 1 < args.length ? args[++i] : null;
                default -> {
                    out.println("unknown argument " + args[i] + "; use --list, --only <step> or --agent-service"
                            + " classic|responses");
                    return 2;
                }
            }
        }
        String step = only;
        List<TourStep> selected = step == null ? STEPS : STEPS.stream().filter(s -> s.name().equals(step)).toList();
        if (selected.isEmpty()) {
            out.println("no step named " + step + "; use --list");
            return 2;
        }
        AgentServiceGeneration agentService = generation == null || generation.isBlank()
                ? AgentServiceGeneration.CLASSIC : AgentServiceGeneration.fromSetting(generation).orElse(null);
        if (agentService == null) {
            out.println("unknown agent service " + generation + "; use classic or responses");
            return 2;
        }
        String endpoint = env.get(FoundryEnv.AZURE_OPENAI_ENDPOINT);
        boolean configured = endpoint != null && !endpoint.isBlank();
        try (FakeFoundry fake = configured ? null : FakeFoundry.start()) {
            Supplier<AgentClient.Builder> builders = configured
                    ? configuredBuilders(FoundryConfig.builderFrom(env).agentService(agentService).build(), credential)
                    : () -> fake.clientBuilder().agentService(agentService);
            Tour tour = new Tour(builders, fake, out);
            out.println(configured
                    ? "foundry-agents quickstart against Azure at " + tour.client().config().endpoint()
                            + " (credentials: " + credentials(tour.client(), credential) + ")"
                    : "foundry-agents quickstart: no " + FoundryEnv.AZURE_OPENAI_ENDPOINT + " set, so this runs"
                            + " against the embedded fake Azure (FakeFoundry) at " + fake.endpoint()
                            + ". Set " + FoundryEnv.AZURE_OPENAI_ENDPOINT + " to use your Azure resource.");
            for (TourStep s : selected) {
                tour.heading(s.name() + ": " + s.description());
                s.run(tour);
            }
            tour.heading("summary: calls, tokens and cost of this run, from the clients' GenAI meters");
            UsageSummary.lines(tour.meters(), CostTable.defaults()).forEach(tour::line);
            return 0;
        } catch (FoundryException e) {
            out.println();
            out.println("FAILED: " + e.getMessage());
            return 1;
        }
    }

    private static Supplier<AgentClient.Builder> configuredBuilders(FoundryConfig config, TokenCredential credential) {
        return () -> {
            AgentClient.Builder builder = AgentClient.builder().config(config);
            return credential == null ? builder : builder.credential(credential);
        };
    }

    private static String credentials(AgentClient client, TokenCredential credential) {
        if (client.config().apiKey().isPresent()) {
            return "API key";
        }
        return credential == null ? "DefaultAzureCredential" : credential.getClass().getSimpleName();
    }
}
