package io.github.foundryagents.spring.support;

import com.azure.core.credential.TokenCredential;
import io.github.foundryagents.spring.actuate.FoundryHealthAutoConfiguration;
import io.github.foundryagents.spring.actuate.FoundrySanitizingAutoConfiguration;
import io.github.foundryagents.spring.client.FoundryClientAutoConfiguration;
import io.github.foundryagents.spring.grounding.FoundryGroundingAutoConfiguration;
import io.github.foundryagents.spring.jdbc.FoundryJdbcAutoConfiguration;
import io.github.foundryagents.spring.redis.FoundryRedisAutoConfiguration;
import io.github.foundryagents.spring.tasks.FoundryTasksAutoConfiguration;
import io.github.foundryagents.spring.tools.FoundryToolsAutoConfiguration;
import io.github.foundryagents.spring.web.FoundryWebAutoConfiguration;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

/**
 * Context runners with every auto-configuration of the starter. The process environment is removed so the tests
 * are hermetic: seed variables such as {@code AZURE_OPENAI_ENDPOINT} or {@code REDIS_URL} are given as properties,
 * which the starter reads through the same {@code Environment} lookup.
 */
public final class StarterRunners {

    /** Every auto-configuration of the starter, in the order of the imports file. */
    public static final AutoConfigurations ALL = AutoConfigurations.of(FoundryJdbcAutoConfiguration.class,
            FoundryRedisAutoConfiguration.class, FoundryClientAutoConfiguration.class,
            FoundryToolsAutoConfiguration.class, FoundryGroundingAutoConfiguration.class,
            FoundryTasksAutoConfiguration.class, FoundryWebAutoConfiguration.class,
            FoundryHealthAutoConfiguration.class, FoundrySanitizingAutoConfiguration.class);

    private StarterRunners() {
    }

    /** @return a runner without the process environment and without any Azure setting */
    public static ApplicationContextRunner bare() {
        return new ApplicationContextRunner().withConfiguration(ALL)
                .withInitializer(c -> c.getEnvironment().getPropertySources()
                        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME));
    }

    /**
     * @param fake the fake Azure
     * @return a runner pointed at the fake with a fake Entra ID credential bean (the application's own credential)
     */
    public static ApplicationContextRunner against(FakeFoundry fake) {
        return bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=" + fake.endpoint(),
                "PROJECT_ENDPOINT=" + fake.projectEndpoint())
                .withBean(TokenCredential.class, FakeTokenCredential::new);
    }

    /**
     * @param fake the fake Azure
     * @return a servlet web runner pointed at the fake
     */
    public static WebApplicationContextRunner webAgainst(FakeFoundry fake) {
        return new WebApplicationContextRunner().withConfiguration(ALL)
                .withInitializer(c -> c.getEnvironment().getPropertySources()
                        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
                .withPropertyValues("AZURE_OPENAI_ENDPOINT=" + fake.endpoint())
                .withBean(TokenCredential.class, FakeTokenCredential::new);
    }
}
