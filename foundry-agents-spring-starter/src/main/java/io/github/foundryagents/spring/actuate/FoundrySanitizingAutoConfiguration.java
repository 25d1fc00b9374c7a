package io.github.foundryagents.spring.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Masks the starter's secrets in Actuator's env and configprops endpoints, whatever their show-values setting. */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class FoundrySanitizingAutoConfiguration {

    /** @return the sanitizer of {@code foundry.agents.api-key} and {@code foundry.agents.webhook.secret} */
    @Bean
    public SanitizingFunction foundryAgentsSecretsSanitizer() {
        return new SecretsSanitizer();
    }
}
