package io.github.foundryagents.spring.condition;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when a Redis connection is configured: {@code foundry.agents.redis.url} or {@code REDIS_URL}. */
public class OnRedisConfigured extends SpringBootCondition {

    /** The property naming the Redis URL. */
    public static final String PROPERTY = "foundry.agents.redis.url";
    /** The seed variable naming the Redis URL. */
    public static final String VARIABLE = "REDIS_URL";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))
                || StringUtils.hasText(context.getEnvironment().getProperty(VARIABLE))) {
            return ConditionOutcome.match("a Redis URL is configured");
        }
        return ConditionOutcome.noMatch("neither " + PROPERTY + " nor " + VARIABLE + " is set");
    }
}
