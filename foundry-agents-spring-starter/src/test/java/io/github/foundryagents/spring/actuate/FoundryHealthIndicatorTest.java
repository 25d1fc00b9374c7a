package io.github.foundryagents.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.ClientAuthenticationException;
import io.github.foundryagents.spring.support.StarterRunners;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;

/** The health indicator checks configuration, token and deployments, and caches its answer. */
@WithFakeFoundry
class FoundryHealthIndicatorTest {

    @Test
    void upWhenATokenIsObtainedAndEveryDeploymentAnswersAndCachedBetweenProbes(FakeFoundry fake) {
        StarterRunners.against(fake).run(context -> {
            FoundryHealthIndicator indicator = context.getBean(FoundryHealthIndicator.class);

            Health first = indicator.health();
            Health second = indicator.health();

            assertThat(first.getStatus()).isEqualTo(Status.UP);
            assertThat(first.getDetails()).containsEntry("configuration", "valid").containsEntry("auth", "entra-id")
                    .containsEntry("token", "obtained");
            @SuppressWarnings("unchecked")
            Map<String, String> deployments = (Map<String, String>) first.getDetails().get("deployments");
            assertThat(deployments).containsOnlyKeys("gpt4", "gpt4-mini")
                    .containsEntry("gpt4", "answered (gpt-4o)").containsEntry("gpt4-mini", "answered (gpt-4o-mini)");
            assertThat(second).isSameAs(first);
            assertThat(fake.journal().chatRequests()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.body().path("max_tokens").asInt(
                            r.body().path("max_completion_tokens").asInt())).isEqualTo(1));
        });
    }

    @Test
    void downWhenADeploymentDoesNotAnswerAndRecheckedAfterTheTtl(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues("foundry.agents.health.deployments=gpt4,missing-deployment",
                "foundry.agents.health.cache-ttl=1ms").run(context -> {
                    FoundryHealthIndicator indicator = context.getBean(FoundryHealthIndicator.class);
                    Health health = indicator.health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("deployments").toString())
                            .contains("missing-deployment=failed");
                    Thread.sleep(5);
                    indicator.health();
                    assertThat(fake.journal().chatRequests()).hasSize(4);
                });
    }

    @Test
    void downWhenNoTokenCanBeObtainedAndCachedBetweenProbes(FakeFoundry fake) {
        AtomicInteger tokenRequests = new AtomicInteger();
        TokenCredential noIdentity = request -> {
            tokenRequests.incrementAndGet();
            return Mono.error(new ClientAuthenticationException("ManagedIdentityCredential: no managed identity"
                    + " endpoint found\nsecond line", null));
        };
        StarterRunners.bare().withPropertyValues("AZURE_OPENAI_ENDPOINT=" + fake.endpoint())
                .withBean(TokenCredential.class, () -> noIdentity).run(context -> {
                    FoundryHealthIndicator indicator = context.getBean(FoundryHealthIndicator.class);

                    Health first = indicator.health();
                    int asked = tokenRequests.get();
                    Health second = indicator.health();

                    assertThat(first.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(first.getDetails()).containsEntry("auth", "entra-id").containsEntry("token",
                            "failed: ClientAuthenticationException: ManagedIdentityCredential: no managed identity"
                                    + " endpoint found");
                    assertThat(second).isSameAs(first);
                    assertThat(asked).isPositive();
                    assertThat(tokenRequests.get()).isEqualTo(asked);
                    assertThat(fake.journal().chatRequests()).isEmpty();
                });
    }

    @Test
    void canBeTurnedOff(FakeFoundry fake) {
        StarterRunners.against(fake).withPropertyValues("management.health.foundry-agents.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FoundryHealthIndicator.class));
    }
}
