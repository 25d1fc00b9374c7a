package io.github.foundryagents.spring.grounding;

import io.github.foundryagents.core.config.FoundryEnv;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when a Foundry project endpoint is configured, by property or by the seed variable. */
class OnGroundingConfigured extends SpringBootCondition {

    static final String PROPERTY = "foundry.agents.grounded.project-endpoint";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String property = context.getEnvironment().getProperty(PROPERTY);
        String variable = context.getEnvironment().getProperty(FoundryEnv.PROJECT_ENDPOINT);
        if (StringUtils.hasText(property) || StringUtils.hasText(variable)) {
            return ConditionOutcome.match("a Foundry project endpoint is configured");
        }
        return ConditionOutcome.noMatch("neither " + PROPERTY + " nor " + FoundryEnv.PROJECT_ENDPOINT + " is set");
    }
}
