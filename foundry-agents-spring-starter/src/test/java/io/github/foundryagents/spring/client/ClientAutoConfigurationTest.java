package io.github.foundryagents.spring.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredential;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.ServerException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.usage.InMemoryUsageStore;
import io.github.foundryagents.core.usage.UsageMeter;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.redis.cache.RedisResponseCache;
import io.github.foundryagents.redis.support.TestRedis;
import io.github.foundryagents.spring.properties.FoundryAgentsProperties;
import io.github.foundryagents.spring.properties.PacingProperties;
import io.github.foundryagents.spring.support.StarterRunners;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

@WithFakeFoundry
class ClientAutoConfigurationTest {

    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";

    @Test
    void theSeedVariablesConfigureTheClientWithoutAnyProperty() {
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=https://my-res.openai.azure.com",
                "AZURE_CLIENT_ID=" + CLIENT_ID, "AZURE_OPENAI_DEPLOYMENT_GPT4=prod-4o",
                "AZURE_OPENAI_DEPLOYMENT_GPT4_MINI=prod-4o-mini", "AZURE_OPENAI_API_VERSION=2025-04-01-preview",
                "PROJECT_ENDPOINT=https://my-res.services.ai.azure.com/api/projects/p1",
                "MODEL_DEPLOYMENT_NAME=agents-4o", "FOUNDRY_AGENT_SERVICE=responses")
                .run(context -> {
                    FoundryConfig config = context.getBean(AgentClient.class).config();
                    assertThat(config.endpoint()).hasToString("https://my-res.openai.azure.com");
                    assertThat(config.managedIdentityClientId()).contains(CLIENT_ID);
                    assertThat(config.deployments().resolve("gpt4")).isEqualTo("prod-4o");
                    assertThat(config.deployments().resolve("gpt4-mini")).isEqualTo("prod-4o-mini");
                    assertThat(config.apiVersion()).isEqualTo("2025-04-01-preview");
                    assertThat(config.projectEndpoint()).isPresent();
                    assertThat(config.modelDeploymentName()).isEqualTo("agents-4o");
                    assertThat(config.agentService().settingValue()).isEqualTo("responses");
                });
    }

    @Test
    void propertiesWinOverTheSeedVariables() {
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=https://env.openai.azure.com",
                "AZURE_OPENAI_DEPLOYMENT_GPT4=env-4o", "foundry.agents.endpoint=https://prop.openai.azure.com",
                "foundry.agents.deployments.gpt4=prop-4o", "foundry.agents.deployments.reasoner=o3-prod",
                "foundry.agents.path-style=deployment", "foundry.agents.api-version=2024-10-21")
                .run(context -> {
                    FoundryConfig config = context.getBean(FoundryConfig.class);
                    assertThat(config.endpoint()).hasToString("https://prop.openai.azure.com");
                    assertThat(config.deployments().resolve("gpt4")).isEqualTo("prop-4o");
                    assertThat(config.deployments().resolve("reasoner")).isEqualTo("o3-prod");
                    assertThat(config.pathStyle().name()).isEqualTo("DEPLOYMENT");
                });
    }

    @Test
    void managedIdentityIsTheDefaultCredential() {
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=https://my-res.openai.azure.com",
                "AZURE_CLIENT_ID=" + CLIENT_ID).run(context -> {
                    assertThat(context).getBean(TokenCredential.class).isInstanceOf(DefaultAzureCredential.class);
                    assertThat(context.getBean(FoundryConfig.class).apiKey()).isEmpty();
                });
    }

    @Test
    void anApiKeyIsUsedOnlyWhenConfiguredExplicitlyAndIsMaskedEverywhere() {
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=https://my-res.openai.azure.com",
                "AZURE_OPENAI_API_KEY=env-key-123").run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().isInstanceOf(FoundryConfigException.class)
                        .hasMessageContaining("FOUNDRY_AGENTS_ALLOW_API_KEY"));
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=https://my-res.openai.azure.com",
                "foundry.agents.api-key=prop-key-456", "foundry.agents.webhook.secret=hook-secret-789")
                .run(context -> {
                    FoundryConfig config = context.getBean(FoundryConfig.class);
                    assertThat(config.apiKey().orElseThrow().reveal()).isEqualTo("prop-key-456");
                    String shown = config + " " + context.getBean(FoundryAgentsProperties.class)
                            + " " + context.getBean(AgentClient.class);
                    assertThat(shown).doesNotContain("prop-key-456").doesNotContain("hook-secret-789")
                            .contains("****");
                    SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
                    for (String key : new String[] {"foundry.agents.api-key", "foundry.agents.webhook.secret"}) {
                        assertThat(sanitizer.apply(new SanitizableData(null, key, "value")).getValue())
                                .isEqualTo(SanitizableData.SANITIZED_VALUE);
                    }
                });
    }

    @Test
    void callsGoToAzureWithTheApplicationsCredentialAndMeterRegistry(FakeFoundry fake) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StarterRunners.against(fake).withBean(MeterRegistry.class, () -> registry).run(context -> {
            AgentClient client = context.getBean(AgentClient.class);
            client.chat(ChatRequest.builder().user("hi").userId("alice").build());

            assertThat(fake.journal().last().header("authorization")).contains("Bearer "
                    + FakeTokenCredential.DEFAULT_TOKEN);
            assertThat(registry.find(UsageMeter.TOKEN_USAGE).summaries()).isNotEmpty();
            assertThat(registry.find(UsageMeter.OPERATION_DURATION).timer()).isNotNull();
            assertThat(context.getBean(UsageStore.class)).isInstanceOf(InMemoryUsageStore.class);
            assertThat(client.usage().orElseThrow().usageThisMonth("alice").calls()).isEqualTo(1);
        });
    }

    @Test
    void routerSpillOverAndCacheComeFromProperties(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues("foundry.agents.router.enabled=true",
                "foundry.agents.spill-over.fallbacks.gpt4=gpt4-mini", "foundry.agents.cache.type=caffeine",
                "foundry.agents.cache.ttl=10m").run(context -> {
                    AgentClient client = context.getBean(AgentClient.class);
                    ChatResponse routed = client.chat(ChatRequest.builder().user("please debug this code").build());
                    assertThat(routed.route().reason()).isEqualTo(Route.Reason.ROUTED);
                    assertThat(routed.deployment()).isEqualTo("gpt-4o");

                    fake.chat().enqueueFor("gpt-4o", Reply.rateLimited(Duration.ofSeconds(60)));
                    ChatResponse spilled = client.chat(ChatRequest.builder().user("hi").deployment("gpt4").build());
                    assertThat(spilled.route().reason()).isEqualTo(Route.Reason.SPILLOVER);
                    assertThat(spilled.deployment()).isEqualTo("gpt-4o-mini");

                    int before = fake.journal().chatRequests().size();
                    ChatRequest cacheable = ChatRequest.builder().user("what is 2+2").cacheable(true).build();
                    client.chat(cacheable);
                    assertThat(client.chat(cacheable).cached()).isTrue();
                    assertThat(fake.journal().chatRequests()).hasSize(before + 1);
                });
    }

    @Test
    void retriesFollowTheRetryProperties(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues("foundry.agents.retry.max-retries=2",
                "foundry.agents.retry.base-delay=10ms").run(context -> {
                    fake.chat().enqueue(Reply.serverError(), Reply.serverError(), Reply.text("third time"));
                    assertThat(context.getBean(AgentClient.class).complete("hi")).isEqualTo("third time");
                    assertThat(fake.journal().chatRequests()).hasSize(3);
                });
        fake.reset();
        StarterRunners.against(fake).withPropertyValues("foundry.agents.retry.max-retries=0").run(context -> {
            fake.chat().enqueue(Reply.serverError());
            assertThatThrownBy(() -> context.getBean(AgentClient.class).complete("hi"))
                    .isInstanceOf(ServerException.class);
            assertThat(fake.journal().chatRequests()).hasSize(1);
        });
    }

    @Test
    void pacingBudgetsMayNameAnAliasAndPacingCanBeTurnedOff() {
        Deployments deployments = FoundryConfig.builder().endpoint("https://my-res.openai.azure.com")
                .deployment("gpt4", "prod-4o").build().deployments();
        PacingProperties budgets = new PacingProperties(true, java.util.Map.of("gpt4", 150_000L, "other", 20_000L),
                java.util.Map.of("gpt4", 900L), Duration.ofMinutes(1), 4096);

        PacingOptions pacing = ClientFeatures.pacing(budgets, deployments);

        assertThat(pacing.enabled()).isTrue();
        assertThat(pacing.tokenBudget("prod-4o")).contains(150_000L);
        assertThat(pacing.tokenBudget("other")).contains(20_000L);
        assertThat(pacing.requestBudget("prod-4o")).isPresent();
        assertThat(ClientFeatures.pacing(new PacingProperties(false, null, null, Duration.ofMinutes(1), 4096),
                deployments).enabled()).isFalse();
    }

    @Test
    void aRedisCacheIsSharedByEveryInstance(FakeFoundry fake) {
        ChatRequest question = ChatRequest.builder().user("shared " + java.util.UUID.randomUUID()).cacheable(true)
                .build();
        String[] properties = {"REDIS_URL=" + TestRedis.url(), "foundry.agents.cache.type=redis"};
        StarterRunners.against(fake).withPropertyValues(properties).run(first -> {
            assertThat(first).hasSingleBean(RedisResponseCache.class);
            assertThat(first.getBean(AgentClient.class).chat(question).cached()).isFalse();
        });
        StarterRunners.against(fake).withPropertyValues(properties).run(second -> {
            assertThat(second.getBean(AgentClient.class).chat(question).cached()).isTrue();
        });
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void everyBeanBacksOffForTheApplicationsOwn(FakeFoundry fake) {
        AgentClient own = fake.client();
        UsageStore store = new InMemoryUsageStore();
        StarterRunners.against(fake).withBean(AgentClient.class, () -> own).withBean(UsageStore.class, () -> store)
                .run(context -> {
                    assertThat(context.getBean(AgentClient.class)).isSameAs(own);
                    assertThat(context.getBean(UsageStore.class)).isSameAs(store);
                    assertThat(context.getBean(UsageOptions.class).store()).isSameAs(store);
                });
        UsageOptions options = UsageOptions.builder().monthlyTokenLimit(5).build();
        StarterRunners.against(fake).withBean(UsageOptions.class, () -> options)
                .run(context -> assertThat(context.getBean(UsageOptions.class)).isSameAs(options));
    }

    @Test
    void turnedOffTheStarterConfiguresNothing() {
        StarterRunners.bare().withPropertyValues("foundry.agents.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AgentClient.class)
                        .doesNotHaveBean(FoundryConfig.class));
    }

    @Test
    void aMissingEndpointOrARedisCacheWithoutRedisFailsStartUpWithTheFix(FakeFoundry fake) {
        StarterRunners.bare().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .isInstanceOf(FoundryConfigException.class).hasMessageContaining("AZURE_OPENAI_ENDPOINT is required"));
        StarterRunners.against(fake).withPropertyValues("foundry.agents.cache.type=redis")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("foundry.agents.cache.type=redis needs a shared ResponseCache"));
    }
}
