package io.github.foundryagents.spring.client;

import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.Complexity;
import io.github.foundryagents.core.routing.KeywordComplexityClassifier;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.core.usage.CostTable;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageStore;
import io.github.foundryagents.spring.properties.CacheProperties;
import io.github.foundryagents.spring.properties.PacingProperties;
import io.github.foundryagents.spring.properties.RetryProperties;
import io.github.foundryagents.spring.properties.RouterProperties;
import io.github.foundryagents.spring.properties.SpillOverProperties;
import io.github.foundryagents.spring.properties.UsageProperties;

/** Maps property groups onto the core's option objects. Stateless. */
final class ClientFeatures {

    private static final String DEFAULT_CURRENCY = "USD";

    private ClientFeatures() {
    }

    static RetryPolicy retry(RetryProperties p) {
        return RetryPolicy.builder().maxRetries(p.maxRetries()).baseDelay(p.baseDelay()).maxDelay(p.maxDelay())
                .timeout(p.timeout()).build();
    }

    /** Budgets may be keyed by alias; the pacer counts per deployment name. */
    static PacingOptions pacing(PacingProperties p, Deployments deployments) {
        if (!p.enabled()) {
            return PacingOptions.disabled();
        }
        PacingOptions.Builder b = PacingOptions.builder().window(p.window())
                .reserveWithoutMaxTokens(p.reserveWithoutMaxTokens());
        p.tokensPerMinute().forEach((name, tpm) -> b.tokensPerMinute(deployments.resolve(name), tpm));
        p.requestsPerMinute().forEach((name, rpm) -> b.requestsPerMinute(deployments.resolve(name), rpm));
        return b.build();
    }

    static ModelRouter router(RouterProperties p) {
        KeywordComplexityClassifier.Builder classifier = KeywordComplexityClassifier.builder()
                .wordLimits(p.moderateWords(), p.complexWords());
        if (!p.keywords().isEmpty()) {
            classifier.keywords(p.keywords());
        }
        return ModelRouter.builder().classifier(classifier.build())
                .route(Complexity.SIMPLE, p.simple())
                .route(Complexity.MODERATE, p.moderate())
                .route(Complexity.COMPLEX, p.complex())
                .build();
    }

    static SpillOver spillOver(SpillOverProperties p) {
        SpillOver.Builder b = SpillOver.builder().maxWait(p.maxWait());
        p.fallbacks().forEach((from, to) -> b.fallbacks(from, to.toArray(String[]::new)));
        return b.build();
    }

    static CacheOptions cache(CacheProperties p) {
        return CacheOptions.builder().ttl(p.ttl()).maximumSize(p.maximumSize())
                .cacheTemperatureZero(p.cacheTemperatureZero()).scopePerUser(p.scopePerUser()).build();
    }

    /**
     * Prices in USD start from the core's list prices; another currency starts empty, since the defaults are USD.
     */
    static CostTable costs(UsageProperties p) {
        CostTable.Builder b = DEFAULT_CURRENCY.equals(p.currency()) ? CostTable.defaults().toBuilder()
                : CostTable.builder().currency(p.currency());
        p.prices().forEach((model, price) -> b.price(model, new CostTable.ModelPrice(price.input(), price.output())));
        return b.build();
    }

    static UsageOptions usage(UsageProperties p, UsageStore store) {
        UsageOptions.Builder b = UsageOptions.builder().store(store).costs(costs(p)).quotaZone(p.quotaZone());
        if (p.monthlyTokenLimit() != null) {
            b.monthlyTokenLimit(p.monthlyTokenLimit());
        }
        return b.build();
    }
}
