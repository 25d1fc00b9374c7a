package io.github.foundryagents.spring.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.JobPayloadTooLargeException;
import io.github.foundryagents.core.tasks.RateLimit;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.usage.CostTable;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.redis.support.TestRedis;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.support.StarterRunners;
import io.github.foundryagents.spring.support.TestPostgres;
import io.github.foundryagents.spring.tasks.TaskOptions;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.lettuce.core.api.StatefulRedisConnection;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each property of the starter that only had its default checked is set here, and the object the starter builds
 * from it is read back: cost table, cache size, pacing budgets, the job options a task is queued with (seen in
 * BullMQ's job hash on the real Redis, under the configured prefix), worker options, the webhook sender, the input
 * limit, the grounded agent as created on the fake Agent Service, and {@code jdbc.migrate=false} on a real
 * PostgreSQL. Settings held inside built objects without accessors are read by field path.
 */
@WithFakeFoundry
class PropertyWiringTest {

    private static final String QUEUE = TestRedis.uniqueQueue("wiring");
    private static final String PREFIX = "wired";
    private static final String SCHEMA = TestPostgres.newSchema("wiring");

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteQueue(PREFIX, QUEUE);
        TestPostgres.dropSchema(SCHEMA);
    }

    static Stream<Arguments> properties() {
        return Stream.of(
                wiring("usage.currency and usage.prices", List.of("foundry.agents.usage.currency=EUR",
                        "foundry.agents.usage.prices.gpt-4o.input=2.30",
                        "foundry.agents.usage.prices.gpt-4o.output=9.20"),
                        (c, fake) -> {
                            CostTable costs = c.getBean(UsageOptions.class).costs();
                            // a EUR table starts empty: the core's list prices are USD
                            return List.of(costs.currency(), costs.priceOf("gpt-4o"), costs.priceOf("gpt-35-turbo"));
                        },
                        List.of("EUR", Optional.of(new CostTable.ModelPrice(new BigDecimal("2.30"),
                                new BigDecimal("9.20"))), Optional.empty())),
                wiring("cache.maximum-size", List.of("foundry.agents.cache.maximum-size=123"),
                        (c, fake) -> ClientFeatures.cache(properties(c).cache()).maximumSize(), 123L),
                wiring("pacing budgets by alias", List.of("foundry.agents.pacing.tokens-per-minute.gpt4=150000",
                        "foundry.agents.pacing.requests-per-minute.gpt4=900", "foundry.agents.pacing.window=30s"),
                        (c, fake) -> {
                            var pacing = ClientFeatures.pacing(properties(c).pacing(),
                                    c.getBean(FoundryConfig.class).deployments());
                            return List.of(pacing.window(), pacing.tokenBudget("gpt-4o"),
                                    pacing.requestBudget("gpt-4o"));
                        },
                        // budgets per window: half a minute of tokens; requests per sixth of the window (5 s)
                        List.of(Duration.ofSeconds(30), Optional.of(75_000L), Optional.of(75L))),
                wiring("queue attempts, backoff, backoff-type, keep-completed, keep-failed, prefix",
                        List.of("REDIS_URL=" + TestRedis.url(), "foundry.agents.queue.name=" + QUEUE,
                                "foundry.agents.queue.prefix=" + PREFIX, "foundry.agents.queue.attempts=7",
                                "foundry.agents.queue.backoff=2s", "foundry.agents.queue.backoff-type=fixed",
                                "foundry.agents.queue.keep-completed=11", "foundry.agents.queue.keep-failed=22",
                                "foundry.agents.tasks.store=in-memory", "foundry.agents.usage.store=in-memory"),
                        (c, fake) -> {
                            String id = c.getBean(AgentTaskService.class).submit("alice", Tier.STANDARD, "q", null,
                                    null);
                            try (StatefulRedisConnection<String, String> redis = TestRedis.client().connect()) {
                                JsonNode opts = Json.parse(redis.sync().hget(PREFIX + ":" + QUEUE + ":" + id, "opts")
                                        .getBytes());
                                return Json.object().put("attempts", opts.path("attempts").asInt())
                                        .put("backoff", opts.path("backoff").path("type").asText() + " "
                                                + opts.path("backoff").path("delay").asLong())
                                        .put("removeOnComplete", opts.path("removeOnComplete").asInt())
                                        .put("removeOnFail", opts.path("removeOnFail").asInt()).toString();
                            }
                        },
                        "{\"attempts\":7,\"backoff\":\"fixed 2000\",\"removeOnComplete\":11,\"removeOnFail\":22}"),
                wiring("worker concurrency and limiter", List.of("foundry.agents.worker.concurrency=9",
                        "foundry.agents.worker.limiter.max=4", "foundry.agents.worker.limiter.duration=2s"),
                        (c, fake) -> {
                            WorkerOptions w = TaskOptions.workerOptions(properties(c).worker());
                            return List.of(w.concurrency(), w.limiter());
                        },
                        List.of(9, Optional.of(new RateLimit(4, Duration.ofSeconds(2))))),
                wiring("webhook timeout, attempts, allow-http", List.of("foundry.agents.webhook.secret=s",
                        "foundry.agents.webhook.timeout=3s", "foundry.agents.webhook.attempts=5",
                        "foundry.agents.webhook.allow-http=true"),
                        (c, fake) -> {
                            WebhookNotifier notifier = c.getBean(WebhookNotifier.class);
                            notifier.check(URI.create("http://93.184.216.34/hook")); // plain http to a public address
                            return List.of(notifier.toString(), PropertyOrFieldSupport.EXTRACTION
                                    .getValueOf("retrier.policy.maxRetries", notifier));
                        },
                        List.of("WebhookNotifier{secret=****, timeout=PT3S}", 4)),
                wiring("tasks.max-input-size", List.of("foundry.agents.tasks.max-input-size=1KB"),
                        (c, fake) -> {
                            try {
                                c.getBean(AgentTaskService.class).submit("alice", Tier.STANDARD, "x".repeat(2000),
                                        null, null);
                                return "accepted";
                            } catch (JobPayloadTooLargeException e) {
                                return e.getMessage();
                            }
                        },
                        new JobPayloadTooLargeException(AgentTaskService.JOB_NAME, 2002, 1024).getMessage()),
                wiring("grounded bing-count, instructions, fixed-interval poll-interval",
                        List.of("foundry.agents.grounded.bing-count=7",
                                "foundry.agents.grounded.instructions=Cite every source.",
                                "foundry.agents.grounded.wait-strategy=fixed-interval",
                                "foundry.agents.grounded.poll-interval=2s"),
                        (c, fake) -> {
                            GroundedAgent agent = c.getBean(GroundedAgent.class); // created on the fake now
                            JsonNode created = fake.journal().matching(r -> r.method().equals("POST")
                                    && r.body().has("instructions")).get(0).body();
                            return List.of(created.path("instructions").asText(), created.findValue("count").asInt(),
                                    PropertyOrFieldSupport.EXTRACTION.getValueOf("waiter.strategy", agent));
                        },
                        List.of("Cite every source.", 7, WaitStrategy.fixedInterval(Duration.ofSeconds(2)))),
                wiring("grounded adaptive-polling poll-budget-per-minute",
                        List.of("foundry.agents.grounded.wait-strategy=adaptive-polling",
                                "foundry.agents.grounded.poll-budget-per-minute=120"),
                        (c, fake) -> ((PollBudget) PropertyOrFieldSupport.EXTRACTION.getValueOf(
                                "waiter.strategy.budget", c.getBean(GroundedAgent.class))).perMinute(),
                        120),
                wiring("jdbc.migrate=false", List.of("foundry.agents.jdbc.migrate=false"),
                        (c, fake) -> List.of(c.getStartupFailure() != null, JdbcClient.create(dataSource())
                                .sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = :s")
                                .param("s", SCHEMA).query(Long.class).single()),
                        List.of(true, 0L)));
    }

    private static Arguments wiring(String label, List<String> properties,
            BiFunction<AssertableApplicationContext, FakeFoundry, Object> actual, Object expected) {
        return Arguments.of(label, properties, actual, expected);
    }

    private static FoundryAgentsProperties properties(AssertableApplicationContext context) {
        return context.getBean(FoundryAgentsProperties.class);
    }

    private static DataSource dataSource() {
        return TestPostgres.dataSource(SCHEMA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("properties")
    void aSetPropertyShowsInTheBuiltObject(String label, List<String> properties,
            BiFunction<AssertableApplicationContext, FakeFoundry, Object> actual, Object expected, FakeFoundry fake) {
        var runner = StarterRunners.against(fake).withPropertyValues(properties.toArray(String[]::new))
                .withPropertyValues("BING_CONNECTION_ID=" + fake.agents().bingConnectionId());
        if (label.startsWith("jdbc")) {
            runner = runner.withBean(DataSource.class, PropertyWiringTest::dataSource);
        }
        runner.run(context -> assertThat(actual.apply(context, fake)).isEqualTo(expected));
    }
}
