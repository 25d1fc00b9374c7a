package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import io.github.foundryagents.core.resilience.MaxRetryWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's routing step when a {@link ModelRouter} or a {@link SpillOver} is configured (it replaces
 * {@link DefaultDeploymentInterceptor}): chooses the deployment (the request's own, else the router's, else the
 * client default), calls it, and on a saturated or failing deployment moves the call along the spill-over list.
 * The response's {@link Route} says which deployment answered and why: {@code EXPLICIT}, {@code ROUTED} or
 * {@code DEFAULT} for the first choice, {@code SPILLOVER} with the path taken otherwise.
 *
 * <p>While a fallback remains, the request passed down carries a {@link MaxRetryWait} tag of
 * {@link SpillOver#maxWait()} (or the caller's own, if shorter), so the retry step fails fast instead of sleeping
 * through a long {@code retry-after}. Each move logs one WARN line. When the last deployment fails too, its
 * failure is thrown with the earlier ones attached as suppressed exceptions. Thread-safe.
 */
public final class RoutingInterceptor implements ChatInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingInterceptor.class);

    private final DeploymentResolver resolver;
    private final SpillOver spillOver;
    private final Map<String, List<String>> fallbacks = new HashMap<>();

    /**
     * @param deployments alias to deployment name
     * @param defaultAlias used when a request names no deployment and there is no router
     * @param router picks deployments for requests that name none; {@code null} to use the default alias
     * @param spillOver fallbacks; {@link SpillOver#none()} to throw every failure
     * @throws IllegalArgumentException when two spill-over keys name the same deployment
     */
    public RoutingInterceptor(Deployments deployments, String defaultAlias, ModelRouter router, SpillOver spillOver) {
        this.resolver = new DeploymentResolver(deployments, defaultAlias, router);
        this.spillOver = Objects.requireNonNull(spillOver, "spillOver");
        spillOver.fallbacks().forEach((from, to) -> {
            String deployment = resolver.resolve(from);
            List<String> resolved = to.stream().map(resolver::resolve).distinct()
                    .filter(d -> !d.equals(deployment)).toList();
            if (fallbacks.put(deployment, resolved) != null) {
                throw new IllegalArgumentException("spill-over lists two fallback lists for deployment '"
                        + deployment + "' (an alias and its deployment name?); keep one");
            }
        });
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        Route chosen = resolver.choose(request);
        List<String> candidates = new ArrayList<>();
        candidates.add(chosen.deployment());
        candidates.addAll(fallbacks.getOrDefault(chosen.deployment(), List.of()));
        List<FoundryException> failures = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (int i = 0; ; i++) { // ends when a candidate answers, or the last one (never spilled from) throws
            String deployment = candidates.get(i);
            boolean last = i == candidates.size() - 1;
            try {
                ChatResponse response = chain.proceed(attemptOn(request, deployment, last));
                return i == 0 ? DeploymentResolver.stamp(response, chosen.reason(), chosen.detail())
                        : DeploymentResolver.stamp(response, Route.Reason.SPILLOVER,
                                path + "; first choice: " + chosen.detail());
            } catch (FoundryException e) {
                Optional<String> why = last ? Optional.empty() : spillOver.reasonToMoveOn(e);
                if (why.isEmpty()) {
                    failures.forEach(e::addSuppressed);
                    throw e;
                }
                String next = candidates.get(i + 1);
                LOG.warn("Deployment {} failed ({}); spilling over to {}", deployment, why.get(), next);
                failures.add(e);
                path.append(path.length() == 0 ? "spilled over from " : ", then from ")
                        .append(deployment).append(" (").append(why.get()).append(')');
            }
        }
    }

    private ChatRequest attemptOn(ChatRequest request, String deployment, boolean last) {
        ChatRequest.Builder attempt = request.toBuilder().deployment(deployment);
        if (!last) {
            Duration own = request.tag(MaxRetryWait.class).map(MaxRetryWait::value).orElse(spillOver.maxWait());
            Duration limit = own.compareTo(spillOver.maxWait()) < 0 ? own : spillOver.maxWait();
            attempt.tag(MaxRetryWait.class, new MaxRetryWait(limit));
        }
        return attempt.build();
    }
}
