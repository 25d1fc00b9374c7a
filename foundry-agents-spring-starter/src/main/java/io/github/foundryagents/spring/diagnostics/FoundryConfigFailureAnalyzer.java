package io.github.foundryagents.spring.diagnostics;

import io.github.foundryagents.core.config.ConfigProblem;
import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.config.FoundryEnv;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link FoundryConfigException} (the core's configuration checks and the starter's own) into Spring Boot's
 * start-up report: every problem with its fix, and for each seed variable the property that sets it too.
 */
public final class FoundryConfigFailureAnalyzer extends AbstractFailureAnalyzer<FoundryConfigException> {

    /** Seed variables and the property that overrides each. */
    static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry(FoundryEnv.AZURE_OPENAI_ENDPOINT, "foundry.agents.endpoint"),
            Map.entry(FoundryEnv.AZURE_CLIENT_ID, "foundry.agents.managed-identity-client-id"),
            Map.entry(FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4, "foundry.agents.deployments.gpt4"),
            Map.entry(FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI, "foundry.agents.deployments.gpt4-mini"),
            Map.entry(FoundryEnv.AZURE_OPENAI_API_VERSION, "foundry.agents.api-version"),
            Map.entry(FoundryEnv.PROJECT_ENDPOINT, "foundry.agents.grounded.project-endpoint"),
            Map.entry(FoundryEnv.MODEL_DEPLOYMENT_NAME, "foundry.agents.grounded.model-deployment"),
            Map.entry(FoundryEnv.BING_CONNECTION_ID, "foundry.agents.grounded.bing-connection-id"),
            Map.entry(FoundryEnv.FOUNDRY_AGENT_SERVICE, "foundry.agents.agent-service"),
            Map.entry(FoundryEnv.AZURE_OPENAI_API_KEY, "foundry.agents.api-key"));

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FoundryConfigException cause) {
        String description = cause.problems().stream().map(p -> "  - " + p.message())
                .collect(Collectors.joining("\n", "foundry-agents is not configured correctly ("
                        + cause.problems().size() + (cause.problems().size() == 1 ? " problem" : " problems")
                        + "):\n", ""));
        String action = cause.problems().stream().map(FoundryConfigFailureAnalyzer::action).distinct()
                .collect(Collectors.joining("\n", "Fix the settings named above:\n", ""));
        return new FailureAnalysis(description, action, cause);
    }

    private static String action(ConfigProblem problem) {
        String property = PROPERTIES.get(problem.setting());
        return property == null ? "  - " + problem.setting()
                : "  - " + property + " (or the environment variable " + problem.setting() + ")";
    }
}
