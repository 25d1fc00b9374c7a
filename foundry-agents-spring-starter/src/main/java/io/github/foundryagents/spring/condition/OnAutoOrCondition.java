package io.github.foundryagents.spring.condition;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnAutoOr}. */
class OnAutoOrCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnAutoOr.class.getName());
        String property = (String) attributes.get("property");
        String wanted = normalize((String) attributes.get("value"));
        String raw = context.getEnvironment().getProperty(property, "auto");
        String configured = normalize(raw);
        if (configured.equals("AUTO") || configured.equals(wanted)) {
            return ConditionOutcome.match(property + "=" + raw + " admits " + wanted.toLowerCase(Locale.ROOT));
        }
        return ConditionOutcome.noMatch(property + "=" + raw);
    }

    private static String normalize(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
