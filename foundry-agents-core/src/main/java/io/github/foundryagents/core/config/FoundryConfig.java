package io.github.foundryagents.core.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach Azure: the Azure OpenAI endpoint, the managed identity, deployment aliases, the
 * api-version and URL style, and the Foundry project settings grounded agents use.
 *
 * <p>Build it from the environment ({@link #fromEnvironment()}, the variables in {@link FoundryEnv}), from a map
 * ({@link #fromMap(Map)}, handy in tests), or with {@link #builder()}. Every source is validated the same way;
 * {@link FoundryConfigException} lists all problems at once, each with the setting to change and how.
 *
 * <p>Immutable and thread-safe. {@code toString()} never shows the API key.
 */
public final class FoundryConfig {

    /** Default of {@link FoundryEnv#MODEL_DEPLOYMENT_NAME}. */
    public static final String DEFAULT_MODEL_DEPLOYMENT = "gpt-4o";

    private final URI endpoint;
    private final String managedIdentityClientId;
    private final Deployments deployments;
    private final String apiVersion;
    private final PathStyle pathStyle;
    private final URI projectEndpoint;
    private final String modelDeploymentName;
    private final String bingConnectionId;
    private final AgentServiceGeneration agentService;
    private final Secret apiKey;
    private final boolean allowNonAzureHost;

    private FoundryConfig(Builder b, URI endpoint, URI projectEndpoint) {
        this.endpoint = endpoint;
        this.managedIdentityClientId = b.managedIdentityClientId;
        this.deployments = b.deployments;
        this.apiVersion = b.apiVersion;
        this.pathStyle = b.pathStyle;
        this.projectEndpoint = projectEndpoint;
        this.modelDeploymentName = b.modelDeploymentName;
        this.bingConnectionId = b.bingConnectionId;
        this.agentService = b.agentService;
        this.apiKey = b.apiKey;
        this.allowNonAzureHost = b.allowNonAzureHost;
    }

    /**
     * Reads the process environment (see {@link FoundryEnv}).
     *
     * @return the validated configuration
     * @throws FoundryConfigException listing every problem found
     */
    public static FoundryConfig fromEnvironment() {
        return fromMap(System.getenv());
    }

    /**
     * Reads the given variables as if they were the environment.
     *
     * @param env variable name to value; blank values count as unset
     * @return the validated configuration
     * @throws FoundryConfigException listing every problem found
     */
    public static FoundryConfig fromMap(Map<String, String> env) {
        return builderFrom(env).build();
    }

    /**
     * Starts a builder pre-filled from the given variables, to adjust before building.
     *
     * @param env variable name to value; blank values count as unset
     * @return a builder holding the variables' values
     */
    public static Builder builderFrom(Map<String, String> env) {
        Builder b = new Builder();
        b.endpoint = value(env, FoundryEnv.AZURE_OPENAI_ENDPOINT);
        b.managedIdentityClientId = value(env, FoundryEnv.AZURE_CLIENT_ID);
        Optional.ofNullable(value(env, FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4))
                .ifPresent(d -> b.deployment(Deployments.GPT4, d));
        Optional.ofNullable(value(env, FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI))
                .ifPresent(d -> b.deployment(Deployments.GPT4_MINI, d));
        Optional.ofNullable(value(env, FoundryEnv.AZURE_OPENAI_API_VERSION)).ifPresent(b::apiVersion);
        b.projectEndpoint = value(env, FoundryEnv.PROJECT_ENDPOINT);
        Optional.ofNullable(value(env, FoundryEnv.MODEL_DEPLOYMENT_NAME)).ifPresent(b::modelDeploymentName);
        b.bingConnectionId = value(env, FoundryEnv.BING_CONNECTION_ID);
        String generation = value(env, FoundryEnv.FOUNDRY_AGENT_SERVICE);
        if (generation != null) {
            AgentServiceGeneration.fromSetting(generation).ifPresentOrElse(b::agentService, () -> b.pending.add(
                    new ConfigProblem(FoundryEnv.FOUNDRY_AGENT_SERVICE, FoundryEnv.FOUNDRY_AGENT_SERVICE + " '"
                            + generation + "' is not an Agent Service API: use 'classic' (threads and runs) or"
                            + " 'responses' (agents on the Responses API)")));
        }
        String key = value(env, FoundryEnv.AZURE_OPENAI_API_KEY);
        if (key != null) {
            if ("true".equalsIgnoreCase(value(env, FoundryEnv.FOUNDRY_AGENTS_ALLOW_API_KEY))) {
                b.apiKey(key);
            } else {
                b.pending.add(new ConfigProblem(FoundryEnv.AZURE_OPENAI_API_KEY, FoundryEnv.AZURE_OPENAI_API_KEY
                        + " is set, but foundry-agents authenticates with Microsoft Entra ID (managed identity) by"
                        + " default: remove the key from the environment and grant the identity the 'Cognitive"
                        + " Services OpenAI User' role, or set " + FoundryEnv.FOUNDRY_AGENTS_ALLOW_API_KEY
                        + "=true to use the key (not recommended in production)"));
            }
        }
        return b;
    }

    /** @return an empty builder with the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.endpoint = endpoint.toString();
        b.managedIdentityClientId = managedIdentityClientId;
        b.deployments = deployments;
        b.apiVersion = apiVersion;
        b.pathStyle = pathStyle;
        b.projectEndpoint = projectEndpoint == null ? null : projectEndpoint.toString();
        b.modelDeploymentName = modelDeploymentName;
        b.bingConnectionId = bingConnectionId;
        b.agentService = agentService;
        b.apiKey = apiKey;
        b.allowNonAzureHost = allowNonAzureHost;
        return b;
    }

    /** @return the resource endpoint without a trailing slash, e.g. {@code https://my-resource.openai.azure.com} */
    public URI endpoint() {
        return endpoint;
    }

    /** @return the client id of the user-assigned managed identity, when one is configured */
    public Optional<String> managedIdentityClientId() {
        return Optional.ofNullable(managedIdentityClientId);
    }

    /** @return the deployment aliases */
    public Deployments deployments() {
        return deployments;
    }

    /** @return the api-version sent with {@link PathStyle#DEPLOYMENT} calls; default {@value ApiVersions#DEFAULT} */
    public String apiVersion() {
        return apiVersion;
    }

    /** @return the chat URL style; default {@link PathStyle#V1} */
    public PathStyle pathStyle() {
        return pathStyle;
    }

    /** @return the Foundry project endpoint for the Agent Service, when configured */
    public Optional<URI> projectEndpoint() {
        return Optional.ofNullable(projectEndpoint);
    }

    /** @return the deployment grounded agents run on; default {@value #DEFAULT_MODEL_DEPLOYMENT} */
    public String modelDeploymentName() {
        return modelDeploymentName;
    }

    /** @return the Bing grounding connection id as configured (validated where grounded agents are built) */
    public Optional<String> bingConnectionId() {
        return Optional.ofNullable(bingConnectionId);
    }

    /** @return which Agent Service API grounded agents use; default {@link AgentServiceGeneration#CLASSIC} */
    public AgentServiceGeneration agentService() {
        return agentService;
    }

    /** @return the API key, present only when explicitly opted in */
    public Optional<Secret> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** @return whether the endpoint may be a non-Azure host such as an API Management gateway */
    public boolean allowNonAzureHost() {
        return allowNonAzureHost;
    }

    @Override
    public String toString() {
        return "FoundryConfig{endpoint=" + endpoint
                + ", auth=" + (apiKey != null ? "api-key ****" : "entra-id" + (managedIdentityClientId != null
                        ? " (managed identity " + managedIdentityClientId + ")" : ""))
                + ", deployments=" + deployments
                + ", pathStyle=" + pathStyle
                + ", apiVersion=" + apiVersion
                + ", projectEndpoint=" + projectEndpoint
                + ", modelDeploymentName=" + modelDeploymentName
                + ", bingConnectionId=" + (bingConnectionId == null ? "none" : "set")
                + ", agentService=" + agentService.settingValue()
                + '}';
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Builds a {@link FoundryConfig}. Not thread-safe.
     */
    public static final class Builder {
        private final List<ConfigProblem> pending = new ArrayList<>();
        private String endpoint;
        private String managedIdentityClientId;
        private Deployments deployments = Deployments.defaults();
        private String apiVersion = ApiVersions.DEFAULT;
        private PathStyle pathStyle = PathStyle.V1;
        private String projectEndpoint;
        private String modelDeploymentName = DEFAULT_MODEL_DEPLOYMENT;
        private String bingConnectionId;
        private AgentServiceGeneration agentService = AgentServiceGeneration.CLASSIC;
        private Secret apiKey;
        private boolean allowNonAzureHost;

        private Builder() {
        }

        /**
         * @param endpoint the resource endpoint, {@code https://<resource>.openai.azure.com}; required
         * @return this builder
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * @param clientId client id of the user-assigned managed identity {@code DefaultAzureCredential} should use
         * @return this builder
         */
        public Builder managedIdentityClientId(String clientId) {
            this.managedIdentityClientId = clientId;
            return this;
        }

        /**
         * Maps an alias to a deployment name, e.g. {@code deployment("gpt4", "prod-gpt-4o")}.
         *
         * @param alias the name code uses
         * @param deploymentName the Azure deployment name
         * @return this builder
         */
        public Builder deployment(String alias, String deploymentName) {
            Objects.requireNonNull(alias, "alias");
            this.deployments = deployments.with(alias, deploymentName);
            return this;
        }

        /**
         * @param apiVersion api-version for {@link PathStyle#DEPLOYMENT} calls; default {@value ApiVersions#DEFAULT}
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /**
         * @param pathStyle chat URL style; default {@link PathStyle#V1}
         * @return this builder
         */
        public Builder pathStyle(PathStyle pathStyle) {
            this.pathStyle = Objects.requireNonNull(pathStyle, "pathStyle");
            return this;
        }

        /**
         * @param projectEndpoint {@code https://<resource>.services.ai.azure.com/api/projects/<project>}
         * @return this builder
         */
        public Builder projectEndpoint(String projectEndpoint) {
            this.projectEndpoint = projectEndpoint;
            return this;
        }

        /**
         * @param deploymentName deployment grounded agents run on; default {@value #DEFAULT_MODEL_DEPLOYMENT}
         * @return this builder
         */
        public Builder modelDeploymentName(String deploymentName) {
            this.modelDeploymentName = deploymentName;
            return this;
        }

        /**
         * @param connectionId the Bing grounding connection id, {@code <project resource id>/connections/<name>}
         * @return this builder
         */
        public Builder bingConnectionId(String connectionId) {
            this.bingConnectionId = connectionId;
            return this;
        }

        /**
         * @param generation the Agent Service API grounded agents use; default {@link AgentServiceGeneration#CLASSIC}
         * @return this builder
         */
        public Builder agentService(AgentServiceGeneration generation) {
            this.agentService = Objects.requireNonNull(generation, "generation");
            return this;
        }

        /**
         * Authenticates with an API key instead of Microsoft Entra ID. Calling this is the explicit opt-in; prefer
         * managed identity in production. The key is never printed.
         *
         * @param apiKey the Azure OpenAI key
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = Secret.of(apiKey);
            return this;
        }

        /**
         * Accepts an endpoint that is not an Azure OpenAI / AI Services host, such as an API Management gateway
         * (a path is then allowed too). Default {@code false}.
         *
         * @param allow whether to accept such hosts
         * @return this builder
         */
        public Builder allowNonAzureHost(boolean allow) {
            this.allowNonAzureHost = allow;
            return this;
        }

        /**
         * @return the validated configuration
         * @throws FoundryConfigException listing every problem found
         */
        public FoundryConfig build() {
            ConfigValidator v = new ConfigValidator();
            pending.forEach(p -> v.add(p.setting(), p.message()));
            URI validEndpoint = v.endpoint(endpoint, allowNonAzureHost);
            v.clientId(managedIdentityClientId);
            v.deploymentName(FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4, deployments.resolve(Deployments.GPT4));
            v.deploymentName(FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI, deployments.resolve(Deployments.GPT4_MINI));
            deployments.aliases().forEach((alias, name) -> {
                if (!alias.equals(Deployments.GPT4) && !alias.equals(Deployments.GPT4_MINI)) {
                    v.deploymentName("deployment alias '" + alias + "'", name);
                }
            });
            v.apiVersion(apiVersion);
            URI validProject = v.projectEndpoint(projectEndpoint);
            v.deploymentName(FoundryEnv.MODEL_DEPLOYMENT_NAME, modelDeploymentName);
            if (!v.problems().isEmpty()) {
                throw new FoundryConfigException(v.problems());
            }
            return new FoundryConfig(this, validEndpoint, validProject);
        }
    }
}
