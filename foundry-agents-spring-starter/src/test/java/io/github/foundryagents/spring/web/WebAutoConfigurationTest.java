package io.github.foundryagents.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.spring.support.StarterRunners;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/** When the /tasks API exists and who it serves. */
@WithFakeFoundry
class WebAutoConfigurationTest {

    @Test
    void theApiIsOffUnlessEnabled(FakeFoundry fake) {
        StarterRunners.webAgainst(fake).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(TasksController.class));
        StarterRunners.against(fake).withPropertyValues("foundry.agents.web.enabled=true", "foundry.agents.web.dev-user=dev")
                .run(context -> assertThat(context).doesNotHaveBean(TasksController.class)); // not a web application
    }

    @Test
    void withoutSpringSecurityTheApiRefusesToStartAndSaysHowToFixIt(FakeFoundry fake) {
        StarterRunners.webAgainst(fake).withPropertyValues("foundry.agents.web.enabled=true")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(FoundryConfigException.class)
                        .hasMessageContaining("no Spring Security filter chain")
                        .hasMessageContaining("foundry.agents.web.dev-user"));
    }

    @Test
    void aSecurityFilterChainOrAnExplicitDevUserLetItStart(FakeFoundry fake) {
        StarterRunners.webAgainst(fake).withPropertyValues("foundry.agents.web.enabled=true")
                .withBean(SecurityFilterChain.class, () -> new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE))
                .run(context -> assertThat(context).hasSingleBean(TasksController.class)
                        .hasSingleBean(TaskProblems.class));
        StarterRunners.webAgainst(fake).withPropertyValues("foundry.agents.web.enabled=true",
                "foundry.agents.web.dev-user=dev").run(context -> assertThat(context).hasSingleBean(TasksController.class));
    }

    @Test
    void theDefaultTierComesFromTheRoleOrTheNameAndCanBeReplaced(FakeFoundry fake) {
        StarterRunners.webAgainst(fake).withPropertyValues("foundry.agents.web.enabled=true",
                "foundry.agents.web.dev-user=dev", "foundry.agents.web.premium-users=carol").run(context -> {
                    TierResolver tiers = context.getBean(TierResolver.class);
                    MockHttpServletRequest premium = new MockHttpServletRequest();
                    premium.addUserRole("PREMIUM");
                    assertThat(tiers.tierOf("alice", premium)).isEqualTo(Tier.PREMIUM);
                    assertThat(tiers.tierOf("bob", new MockHttpServletRequest())).isEqualTo(Tier.STANDARD);
                    assertThat(tiers.tierOf("carol", new MockHttpServletRequest())).isEqualTo(Tier.PREMIUM);
                });
        TierResolver everyonePremium = (user, request) -> Tier.PREMIUM;
        StarterRunners.webAgainst(fake).withPropertyValues("foundry.agents.web.enabled=true",
                "foundry.agents.web.dev-user=dev").withBean(TierResolver.class, () -> everyonePremium)
                .run(context -> assertThat(context.getBean(TierResolver.class)).isSameAs(everyonePremium));
    }
}
