package io.github.foundryagents.core.grounding;

import io.github.foundryagents.core.config.ConfigProblem;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.core.grounding.classic.ClassicAgentTransport;
import io.github.foundryagents.core.grounding.responses.ResponsesAgentTransport;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.tools.ToolRegistry;
import io.github.foundryagents.core.usage.UsageMeter;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures and creates a {@link GroundedAgent}; obtained from
 * {@link io.github.foundryagents.core.AgentClient#groundedAgent()}. Not thread-safe.
 *
 * <p>The service generation comes from the configuration ({@code FOUNDRY_AGENT_SERVICE}: {@code classic}, the
 * default, or {@code responses}); nothing else changes with it.
 *
 * <p>Defaults: deployment {@code MODEL_DEPLOYMENT_NAME} (else {@code gpt-4o}); Bing grounding with
 * {@code BING_CONNECTION_ID} and 20 results when that variable is set (as the guidance does), none otherwise;
 * streaming ({@link WaitStrategy#streaming()}); one attempt per ask ({@link AskRetry#none()}); at most 10 function
 * tool rounds per ask.
 */
public final class GroundedAgentBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(GroundedAgentBuilder.class);

    /** Result count of the Bing tool built from {@code BING_CONNECTION_ID}, as in the guidance. */
    public static final int DEFAULT_BING_COUNT = 20;
    /** Default of {@link #maxToolRounds(int)}. */
    public static final int DEFAULT_MAX_TOOL_ROUNDS = 10;

    private final FoundryConfig config;
    private final Supplier<AzureHttp> http;
    private String name = "foundry-agent";
    private String instructions;
    private String deployment;
    private String modelVersion;
    private Double temperature;
    private BingGrounding bing;
    private boolean bingSet;
    private boolean verifyConnection;
    private FunctionToolExecutor functionTools;
    private int maxToolRounds = DEFAULT_MAX_TOOL_ROUNDS;
    private WaitStrategy waitStrategy = WaitStrategy.streaming();
    private AskRetry retry = AskRetry.none();
    private UsageMeter usage;
    private AgentServiceTransport transport;

    private GroundedAgentBuilder(FoundryConfig config, Supplier<AzureHttp> http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.deployment = config.modelDeploymentName();
    }

    /**
     * Used by {@code AgentClient.groundedAgent()}; applications call that instead.
     *
     * @param config project endpoint, model deployment and Bing connection
     * @param http sender authenticated for the Agent Service ({@code https://ai.azure.com/.default}), made on demand
     * @return a builder
     */
    public static GroundedAgentBuilder forClient(FoundryConfig config, Supplier<AzureHttp> http) {
        return new GroundedAgentBuilder(config, http);
    }

    /**
     * @param name the agent's name (default {@code foundry-agent})
     * @return this builder
     */
    public GroundedAgentBuilder name(String name) {
        this.name = requireText(name, "name");
        return this;
    }

    /**
     * @param instructions the agent's system instructions
     * @return this builder
     */
    public GroundedAgentBuilder instructions(String instructions) {
        this.instructions = Objects.requireNonNull(instructions, "instructions");
        return this;
    }

    /**
     * @param deployment the model deployment (default {@code MODEL_DEPLOYMENT_NAME}, else {@code gpt-4o})
     * @return this builder
     */
    public GroundedAgentBuilder deployment(String deployment) {
        this.deployment = requireText(deployment, "deployment");
        return this;
    }

    /**
     * @param version the deployment's model version, e.g. {@code 2024-11-20}, when known: sharpens the warning about
     *     models that ignore Bing grounding
     * @return this builder
     */
    public GroundedAgentBuilder modelVersion(String version) {
        this.modelVersion = requireText(version, "modelVersion");
        return this;
    }

    /**
     * @param temperature 0 to 2; the guidance uses 0.2 for factual answers. Default: the service's (1.0)
     * @return this builder
     */
    public GroundedAgentBuilder temperature(double temperature) {
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
        }
        this.temperature = temperature;
        return this;
    }

    /**
     * @param bing the Bing grounding tool, or {@code null} for an agent without Bing
     * @return this builder
     */
    public GroundedAgentBuilder bing(BingGrounding bing) {
        this.bing = bing;
        this.bingSet = true;
        return this;
    }

    /**
     * @param verify whether {@link #create()} checks with the project's connections API that the Bing connection
     *     exists (one extra request; default {@code false})
     * @return this builder
     */
    public GroundedAgentBuilder verifyConnection(boolean verify) {
        this.verifyConnection = verify;
        return this;
    }

    /**
     * Lets the agent call the tools of a registry (the same {@code @Tool} methods and typed lambdas the tool-calling
     * agent uses); shorthand for {@code functionTools(FunctionToolExecutor.of(tools))}.
     *
     * @param tools the tools
     * @return this builder
     */
    public GroundedAgentBuilder tools(ToolRegistry tools) {
        return functionTools(FunctionToolExecutor.of(tools));
    }

    /**
     * @param tools function tools the agent may call besides Bing
     * @return this builder
     */
    public GroundedAgentBuilder functionTools(FunctionToolExecutor tools) {
        this.functionTools = Objects.requireNonNull(tools, "tools");
        return this;
    }

    /**
     * @param rounds most function tool rounds per ask (default {@value #DEFAULT_MAX_TOOL_ROUNDS})
     * @return this builder
     */
    public GroundedAgentBuilder maxToolRounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("maxToolRounds must be at least 1, got " + rounds);
        }
        this.maxToolRounds = rounds;
        return this;
    }

    /**
     * @param strategy how to wait for runs (default {@link WaitStrategy#streaming()})
     * @return this builder
     */
    public GroundedAgentBuilder waitStrategy(WaitStrategy strategy) {
        this.waitStrategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * @param retry how a whole ask is retried after a retryable failure (default {@link AskRetry#none()})
     * @return this builder
     */
    public GroundedAgentBuilder askRetry(AskRetry retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
        return this;
    }

    /**
     * Meters every ask: its tokens and duration under {@code gen_ai.operation.name = invoke_agent}, and a usage
     * record for the ask's user ({@link AskOptions.Builder#userId(String)}), who is also checked against the
     * monthly token limit first. Agents made with {@code AgentClient.groundedAgent()} use the client's meter.
     *
     * @param meter the usage meter, or {@code null} for none
     * @return this builder
     */
    public GroundedAgentBuilder usage(UsageMeter meter) {
        this.usage = meter;
        return this;
    }

    /**
     * @param transport replaces the Agent Service transport, e.g. to reach another service generation
     * @return this builder
     */
    public GroundedAgentBuilder transport(AgentServiceTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * Validates the settings and creates the agent on the service ({@code POST {project}/assistants}).
     *
     * @return the agent, ready to {@link GroundedAgent#ask(String) ask}
     * @throws FoundryConfigException when the project endpoint is missing or the Bing connection id is malformed
     *     or (with {@link #verifyConnection(boolean)}) does not exist
     */
    public GroundedAgent create() {
        BingGrounding tool = bingSet ? bing : config.bingConnectionId()
                .map(id -> BingGrounding.connection(id).count(DEFAULT_BING_COUNT)).orElse(null);
        AgentServiceTransport wire = transport != null ? transport : defaultTransport();
        FrequentPolling.warning(name, waitStrategy).ifPresent(LOG::warn);
        if (tool != null) {
            GroundingModels.warning(deployment, modelVersion).ifPresent(LOG::warn);
            if (verifyConnection && !wire.connectionExists(tool.connectionId())) {
                throw new FoundryConfigException(List.of(new ConfigProblem(FoundryEnv.BING_CONNECTION_ID,
                        FoundryEnv.BING_CONNECTION_ID + " names connection '" + tool.connectionId().name()
                                + "', which project '" + tool.connectionId().project() + "' does not have: create"
                                + " the Grounding with Bing Search connection (Terraform bing_grounding_enabled) or"
                                + " use the id of an existing one (Terraform output bing_connection_id)")));
            }
        }
        AgentSpec spec = new AgentSpec(name, instructions, deployment, temperature, tool,
                functionTools == null ? List.of() : functionTools.definitions());
        AgentRef created = wire.createAgent(spec);
        LOG.debug("Created agent {} ({}) on deployment {}", created.id(), name, deployment);
        return new GroundedAgent(wire, created, spec, waitStrategy, new ToolRounds(functionTools, maxToolRounds),
                retry, usage);
    }

    private AgentServiceTransport defaultTransport() {
        URI project = projectEndpoint();
        return config.agentService() == AgentServiceGeneration.RESPONSES
                ? new ResponsesAgentTransport(project, http.get())
                : new ClassicAgentTransport(project, http.get());
    }

    private URI projectEndpoint() {
        return config.projectEndpoint().orElseThrow(() -> new FoundryConfigException(List.of(new ConfigProblem(
                FoundryEnv.PROJECT_ENDPOINT, FoundryEnv.PROJECT_ENDPOINT + " is required for grounded agents: set it"
                        + " to the Foundry project endpoint, e.g. https://my-resource.services.ai.azure.com/api/"
                        + "projects/my-project (Terraform output project_endpoint)"))));
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.trim();
    }
}
