package io.github.foundryagents.spring.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.config.ApiVersions;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.grounding.GroundedAgentBuilder;
import io.github.foundryagents.core.grounding.PollBudget;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.KeywordComplexityClassifier;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.core.tasks.Backoff;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.KeepJobs;
import io.github.foundryagents.core.tasks.RateLimit;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.spring.support.StarterRunners;
import org.junit.jupiter.api.Test;

/**
 * The defaults the properties declare (and the metadata shows) are the core's defaults, so an unset property means
 * exactly what the builder would do. The metadata's documented defaults of the env-backed properties too.
 */
class PropertyDefaultsTest {

    @Test
    void boundDefaultsEqualTheCoresDefaults() {
        StarterRunners.bare().withPropertyValues("foundry.agents.enabled=false")
                .withUserConfiguration(Bind.class).run(context -> {
                    FoundryAgentsProperties p = context.getBean(FoundryAgentsProperties.class);
                    RetryPolicy retry = RetryPolicy.defaults();
                    assertThat(p.retry().maxRetries()).isEqualTo(retry.maxRetries());
                    assertThat(p.retry().baseDelay()).isEqualTo(retry.baseDelay());
                    assertThat(p.retry().maxDelay()).isEqualTo(retry.maxDelay());
                    assertThat(p.retry().timeout()).isEqualTo(retry.timeout());
                    PacingOptions pacing = PacingOptions.learning();
                    assertThat(p.pacing().enabled()).isEqualTo(pacing.enabled());
                    assertThat(p.pacing().window()).isEqualTo(pacing.window());
                    assertThat(p.pacing().reserveWithoutMaxTokens()).isEqualTo(pacing.reserveWithoutMaxTokens());
                    assertThat(p.router().moderateWords()).isEqualTo(KeywordComplexityClassifier.DEFAULT_MODERATE_WORDS);
                    assertThat(p.router().complexWords()).isEqualTo(KeywordComplexityClassifier.DEFAULT_COMPLEX_WORDS);
                    assertThat(p.spillOver().maxWait()).isEqualTo(SpillOver.DEFAULT_MAX_WAIT);
                    assertThat(p.cache().ttl()).isEqualTo(CacheOptions.DEFAULT_TTL);
                    assertThat(p.cache().maximumSize()).isEqualTo(CacheOptions.DEFAULT_MAXIMUM_SIZE);
                    assertThat(p.agent().maxIterations()).isEqualTo(Agent.DEFAULT_MAX_ITERATIONS);
                    assertThat(p.agent().toolTimeout()).isEqualTo(Agent.DEFAULT_TOOL_TIMEOUT);
                    assertThat(p.grounded().bingCount()).isEqualTo(GroundedAgentBuilder.DEFAULT_BING_COUNT);
                    assertThat(p.grounded().pollInterval()).isEqualTo(WaitStrategy.SEED_INTERVAL);
                    assertThat(p.grounded().pollBudgetPerMinute()).isEqualTo(PollBudget.DEFAULT_PER_MINUTE);
                    assertThat(p.queue().attempts()).isEqualTo(JobOptions.DEFAULT_ATTEMPTS);
                    assertThat(Backoff.exponential(p.queue().backoff())).isEqualTo(Backoff.DEFAULT);
                    assertThat(KeepJobs.last(p.queue().keepCompleted())).isEqualTo(KeepJobs.DEFAULT_COMPLETED);
                    assertThat(KeepJobs.last(p.queue().keepFailed())).isEqualTo(KeepJobs.DEFAULT_FAILED);
                    assertThat(p.worker().concurrency()).isEqualTo(WorkerOptions.DEFAULT_CONCURRENCY);
                    assertThat(new RateLimit(p.worker().limiter().max(), p.worker().limiter().duration()))
                            .isEqualTo(RateLimit.DEFAULT);
                    assertThat(p.worker().closeTimeout()).isEqualTo(WorkerOptions.DEFAULT_CLOSE_TIMEOUT);
                    assertThat(p.tasks().maxInputSize().toBytes()).isEqualTo(TaskQueue.DEFAULT_MAX_PAYLOAD_BYTES);
                    assertThat(p.webhook().timeout()).isEqualTo(WebhookNotifier.DEFAULT_TIMEOUT);
                    assertThat(p.webhook().attempts()).isEqualTo(WebhookNotifier.DEFAULT_RETRY.maxRetries() + 1);
                });
    }

    @Test
    void documentedDefaultsOfEnvironmentBackedPropertiesAreTheCoresDefaults() throws Exception {
        var metadata = io.github.foundryagents.core.http.Json.parse(getClass()
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json").readAllBytes());
        java.util.Map<String, String> defaults = new java.util.HashMap<>();
        metadata.path("properties").forEach(p -> defaults.put(p.path("name").asText(), p.path("defaultValue").asText()));
        assertThat(defaults.get("foundry.agents.api-version")).isEqualTo(ApiVersions.DEFAULT);
        assertThat(defaults.get("foundry.agents.grounded.model-deployment")).isEqualTo(FoundryConfig.DEFAULT_MODEL_DEPLOYMENT);
        assertThat(defaults.get("foundry.agents.agent-service")).isEqualTo(FoundryConfig.builder()
                .endpoint("https://x.openai.azure.com").build().agentService().settingValue());
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(FoundryAgentsProperties.class)
    static class Bind {
    }
}
