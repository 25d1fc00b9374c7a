package io.github.foundryagents.core.config;

/**
 * One thing wrong with a configuration.
 *
 * @param setting the environment variable (or property) at fault, e.g. {@code AZURE_OPENAI_ENDPOINT}
 * @param message what is wrong and how to fix it
 */
public record ConfigProblem(String setting, String message) {

    @Override
    public String toString() {
        return message;
    }
}
