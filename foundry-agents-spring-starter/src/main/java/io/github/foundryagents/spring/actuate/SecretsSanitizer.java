package io.github.foundryagents.spring.actuate;

import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the starter's secrets ({@code foundry.agents.api-key}, {@code foundry.agents.webhook.secret}) in the
 * {@code /actuator/env} and {@code /actuator/configprops} endpoints even when an application shows other values,
 * and the seed key variable too.
 */
final class SecretsSanitizer implements SanitizingFunction {

    private static final Set<String> SECRETS = Set.of("foundry.agents.api-key", "foundry.agents.apikey",
            "foundry.agents.webhook.secret", "apikey", "api-key", "secret", "azure_openai_api_key");

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey() == null ? "" : data.getKey().toLowerCase(java.util.Locale.ROOT);
        return SECRETS.contains(key) || key.endsWith(".api-key") && key.startsWith("foundry.agents")
                ? data.withSanitizedValue() : data;
    }
}
