package io.github.foundryagents.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Which Foundry Agent Service API grounded agents run on. Switching changes nothing in code that uses
 * {@code GroundedAgent}: only this setting ({@link FoundryEnv#FOUNDRY_AGENT_SERVICE}).
 */
public enum AgentServiceGeneration {
    /** Assistants, threads, messages and runs (api-version 2025-05-01); retired by Microsoft on 2027-03-31. */
    CLASSIC,
    /** Versioned agents ({@code /agents}) run through the Responses API with Conversations ({@code /openai/v1}). */
    RESPONSES;

    /** @return the setting's value, {@code classic} or {@code responses} */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value {@code classic} or {@code responses}, any case
     * @return the generation, empty when the value names none
     */
    public static Optional<AgentServiceGeneration> fromSetting(String value) {
        for (AgentServiceGeneration g : values()) {
            if (g.settingValue().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
