package io.github.foundryagents.core.config;

/**
 * The environment variables foundry-agents reads, the same names the Terraform module outputs and the
 * TypeScript guidance uses.
 */
public final class FoundryEnv {

    /** Azure OpenAI / AI Services resource endpoint, e.g. {@code https://my-resource.openai.azure.com}. Required. */
    public static final String AZURE_OPENAI_ENDPOINT = "AZURE_OPENAI_ENDPOINT";
    /** Client id of the user-assigned managed identity that {@code DefaultAzureCredential} should use. */
    public static final String AZURE_CLIENT_ID = "AZURE_CLIENT_ID";
    /** Deployment name behind the {@code gpt4} alias; default {@code gpt-4o}. */
    public static final String AZURE_OPENAI_DEPLOYMENT_GPT4 = "AZURE_OPENAI_DEPLOYMENT_GPT4";
    /** Deployment name behind the {@code gpt4-mini} alias; default {@code gpt-4o-mini}. */
    public static final String AZURE_OPENAI_DEPLOYMENT_GPT4_MINI = "AZURE_OPENAI_DEPLOYMENT_GPT4_MINI";
    /** api-version for the deployment-path API; default {@code 2024-10-21}. */
    public static final String AZURE_OPENAI_API_VERSION = "AZURE_OPENAI_API_VERSION";
    /** Foundry project endpoint for the Agent Service, {@code https://<res>.services.ai.azure.com/api/projects/<p>}. */
    public static final String PROJECT_ENDPOINT = "PROJECT_ENDPOINT";
    /** Deployment that grounded agents run on; default {@code gpt-4o}. */
    public static final String MODEL_DEPLOYMENT_NAME = "MODEL_DEPLOYMENT_NAME";
    /** Project connection id of the Bing grounding resource, {@code <project resource id>/connections/<name>}. */
    public static final String BING_CONNECTION_ID = "BING_CONNECTION_ID";
    /** Agent Service API for grounded agents: {@code classic} (default) or {@code responses}. */
    public static final String FOUNDRY_AGENT_SERVICE = "FOUNDRY_AGENT_SERVICE";
    /** An Azure OpenAI API key. Refused unless {@link #FOUNDRY_AGENTS_ALLOW_API_KEY} is {@code true}. */
    public static final String AZURE_OPENAI_API_KEY = "AZURE_OPENAI_API_KEY";
    /** Set to {@code true} to authenticate with {@link #AZURE_OPENAI_API_KEY} instead of Microsoft Entra ID. */
    public static final String FOUNDRY_AGENTS_ALLOW_API_KEY = "FOUNDRY_AGENTS_ALLOW_API_KEY";

    private FoundryEnv() {
    }
}
