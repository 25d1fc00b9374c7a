package io.github.foundryagents.spring.condition;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when a choice property ({@code foundry.agents.tasks.store}, {@code foundry.agents.usage.store},
 * {@code foundry.agents.queue.type}) is unset, {@code auto}, or names the given choice. Case and {@code -}/{@code _}
 * are ignored, as in Spring's enum binding.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnAutoOrCondition.class)
public @interface ConditionalOnAutoOr {

    /** @return the property, e.g. {@code foundry.agents.tasks.store} */
    String property();

    /** @return the choice the annotated bean provides, e.g. {@code jdbc} */
    String value();
}
