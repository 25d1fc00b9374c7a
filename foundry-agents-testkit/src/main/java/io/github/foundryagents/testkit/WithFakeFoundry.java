package io.github.foundryagents.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link FakeFoundry}; shorthand for
 * {@code @ExtendWith(FakeFoundryExtension.class)}. See {@link FakeFoundryExtension}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FakeFoundryExtension.class)
public @interface WithFakeFoundry {
}
