package io.github.foundryagents.spring.overrides;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.InMemoryTaskQueue;
import io.github.foundryagents.core.tasks.InMemoryTaskStore;
import io.github.foundryagents.core.tasks.TaskResult;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.redis.support.TestRedis;
import io.github.foundryagents.spring.actuate.FoundryHealthIndicator;
import io.github.foundryagents.spring.support.StarterRunners;
import io.github.foundryagents.spring.tasks.TaskWorkerLifecycle;
import io.github.foundryagents.spring.web.TaskProblems;
import io.github.foundryagents.spring.web.TasksController;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bean of the starter backs off for the application's own: with a bean of the same type under another name,
 * the context holds only the application's (not two, not the starter's marked secondary). Each case also sets the
 * properties that would otherwise make the starter create its bean.
 */
@WithFakeFoundry
class ApplicationBeansWinTest {

    private static final String OWN = "applicationsOwn";

    static Stream<Arguments> beans() {
        return Stream.of(
                own(FoundryConfig.class, fake -> FoundryConfig.builder().endpoint(fake.endpoint().toString())
                        .deployment("own-alias", "gpt-4o").build()),
                own(Agent.class, fake -> fake.client().agent().instructions("own agent").build()),
                own(GroundedAgent.class, fake -> fake.client().groundedAgent().name("own-grounded").create()),
                own(WebhookNotifier.class, fake -> WebhookNotifier.builder().secret(Secret.of("own-secret")).build(),
                        "foundry.agents.webhook.secret=starter-secret"),
                own(AgentTaskService.class, fake -> service()),
                own(TaskWorkerLifecycle.class, fake -> new TaskWorkerLifecycle(service(), WorkerOptions.defaults(),
                        Duration.ofSeconds(1)), "foundry.agents.worker.enabled=true"),
                own(RedisClient.class, fake -> RedisClient.create(TestRedis.url()), "REDIS_URL=" + TestRedis.url(),
                        "foundry.agents.queue.type=in-memory", "foundry.agents.tasks.store=in-memory",
                        "foundry.agents.usage.store=in-memory"),
                own(FoundryHealthIndicator.class, fake -> new FoundryHealthIndicator(fake.client(), null, List.of(),
                        Duration.ofMinutes(1), Duration.ofSeconds(5), Clock.systemUTC())));
    }

    private static Arguments own(Class<?> type, Function<FakeFoundry, Object> create, String... properties) {
        return Arguments.of(type.getSimpleName(), type, create, properties);
    }

    private static AgentTaskService service() {
        return AgentTaskService.builder().queue(new InMemoryTaskQueue("own")).store(new InMemoryTaskStore())
                .runner(task -> new TaskResult("own", null, List.of())).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beans")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theApplicationsBeanWins(String label, Class type, Function<FakeFoundry, Object> create, String[] properties,
            FakeFoundry fake) {
        Object own = create.apply(fake);
        try {
            StarterRunners.against(fake).withPropertyValues(properties).withBean(OWN, type, () -> own)
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBeansOfType(type)).containsOnlyKeys(OWN);
                        assertThat(context.getBean(type)).isSameAs(own);
                    });
        } finally {
            if (own instanceof RedisClient client) {
                client.shutdown();
            }
        }
    }

    @Test
    void theRestControllerAndItsErrorMappingBackOffForBeansOfTheirNames(FakeFoundry fake) {
        Object ownController = new Object();
        Object ownProblems = new Object();
        StarterRunners.webAgainst(fake).withPropertyValues("foundry.agents.web.enabled=true",
                "foundry.agents.web.dev-user=dev")
                .withBean("foundryTasksController", Object.class, () -> ownController)
                .withBean("foundryTaskProblems", Object.class, () -> ownProblems).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(TasksController.class)
                            .doesNotHaveBean(TaskProblems.class);
                    assertThat(context.getBean("foundryTasksController")).isSameAs(ownController);
                    assertThat(context.getBean("foundryTaskProblems")).isSameAs(ownProblems);
                });
    }
}
