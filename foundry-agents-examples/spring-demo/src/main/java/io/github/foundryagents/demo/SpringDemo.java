package io.github.foundryagents.demo;

import com.azure.core.credential.TokenCredential;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The Spring demo: the starter's /tasks API with a worker in the app, two demo users over HTTP Basic
 * ({@code alice}/{@code alice-pass}, premium; {@code bob}/{@code bob-pass}, standard), the testkit's fake Azure
 * embedded unless {@code AZURE_OPENAI_ENDPOINT} is set, and the in-memory queue and store unless {@code REDIS_URL}
 * or {@code JDBC_URL} are set. <strong>Not for production:</strong> fixed passwords, a fixed webhook secret, a fake
 * model.
 */
@SpringBootApplication
public class SpringDemo {

    private static final Logger LOG = LoggerFactory.getLogger(SpringDemo.class);
    private static final String DATASOURCE_URL = "spring.datasource.url";

    /**
     * @param args Spring Boot arguments, e.g. {@code --server.port=8080}
     */
    public static void main(String[] args) {
        start(args);
    }

    /**
     * Starts the demo.
     *
     * @param args Spring Boot arguments
     * @return the running application
     */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(SpringDemo.class);
        Map<String, Object> defaults = new LinkedHashMap<>();
        String jdbcUrl = System.getenv("JDBC_URL");
        boolean datasourceArg = Arrays.stream(args).anyMatch(a -> a.startsWith("--" + DATASOURCE_URL + "="));
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            defaults.put(DATASOURCE_URL, jdbcUrl);
        } else if (!datasourceArg) {
            // no database configured: keep task records and usage in memory
            defaults.put("spring.autoconfigure.exclude",
                    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        }
        String endpoint = System.getenv(FoundryEnv.AZURE_OPENAI_ENDPOINT);
        FakeFoundry fake = endpoint == null || endpoint.isBlank() ? FakeFoundry.start() : null;
        if (fake != null) {
            defaults.put("foundry.agents.endpoint", fake.endpoint().toString());
            app.addInitializers(context -> {
                GenericApplicationContext generic = (GenericApplicationContext) context;
                generic.registerBean("fakeFoundry", FakeFoundry.class, () -> fake, bd -> bd.setDestroyMethodName("close"));
                Supplier<TokenCredential> credential = FakeTokenCredential::new;
                generic.registerBean("fakeTokenCredential", TokenCredential.class, credential);
            });
        }
        app.setDefaultProperties(defaults);
        ConfigurableApplicationContext context = app.run(args);
        LOG.warn("""

                ==================================================================================
                  foundry-agents Spring demo: NOT FOR PRODUCTION
                  - demo users over HTTP Basic: alice / alice-pass (premium), bob / bob-pass (standard)
                  - webhook secret: a fixed demo value
                  - Azure: {}
                  - queue: {}; task store: {}
                  Try: curl -u alice:alice-pass -H 'Content-Type: application/json' \\
                         -d '{"prompt":"Hello"}' http://localhost:{}/tasks
                ==================================================================================""",
                fake != null ? "the embedded FAKE at " + fake.endpoint() + " (set AZURE_OPENAI_ENDPOINT for real Azure)"
                        : endpoint,
                context.getBean(io.github.foundryagents.core.tasks.TaskQueue.class).getClass().getSimpleName(),
                context.getBean(io.github.foundryagents.core.tasks.TaskStore.class).getClass().getSimpleName(),
                context.getEnvironment().getProperty("local.server.port"));
        return context;
    }
}
