package io.github.foundryagents.testkit;

import io.github.foundryagents.core.AgentClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: starts one {@link FakeFoundry} per test class, resets its script and journal before each
 * test, stops it after the class, and injects it and a ready {@link AgentClient} (pointed at the fake, with a
 * fake Entra ID token) into constructors, lifecycle methods and test methods.
 *
 * <pre>{@code
 * @WithFakeFoundry
 * class MyTest {
 *     @Test
 *     void answers(FakeFoundry fake, AgentClient client) {
 *         fake.chat().enqueue(Reply.text("42"));
 *         assertThat(client.complete("meaning of life?")).isEqualTo("42");
 *     }
 * }
 * }</pre>
 */
public final class FakeFoundryExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeFoundryExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context).fake().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeFoundry.class || type == AgentClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == FakeFoundry.class ? running.fake() : running.client();
    }

    private static Running running(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElse(context) : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> Running.start(),
                Running.class);
    }

    /** The fake of one test class and its client; closed by JUnit when the class's store closes. */
    private record Running(FakeFoundry fake, AgentClient client) implements AutoCloseable {

        static Running start() {
            FakeFoundry fake = FakeFoundry.start();
            return new Running(fake, fake.client());
        }

        @Override
        public void close() {
            fake.close();
        }
    }
}
