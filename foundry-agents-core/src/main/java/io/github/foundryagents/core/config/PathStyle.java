package io.github.foundryagents.core.config;

/**
 * Which Azure OpenAI URL form chat calls use.
 */
public enum PathStyle {
    /**
     * {@code {endpoint}/openai/v1/chat/completions} with the deployment name in the body's {@code model} field.
     * The current, versionless API and the default.
     */
    V1,
    /**
     * {@code {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...}: the dated API that
     * older code and the TypeScript guidance use; the {@code api-version} setting applies.
     */
    DEPLOYMENT
}
