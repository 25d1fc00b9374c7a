package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.pipeline.ChatInterceptor;

/**
 * The pipeline's routing step when neither a model router nor spill-over is configured: resolves the request's
 * alias to a deployment name, or applies the client's default alias when the request names none, and records on
 * the response why that deployment answered. {@link RoutingInterceptor} replaces it when a router or spill-over is
 * configured. Thread-safe.
 */
public final class DefaultDeploymentInterceptor implements ChatInterceptor {

    private final DeploymentResolver resolver;

    /**
     * @param deployments alias to deployment name
     * @param defaultAlias the alias used when a request names no deployment
     */
    public DefaultDeploymentInterceptor(Deployments deployments, String defaultAlias) {
        this.resolver = new DeploymentResolver(deployments, defaultAlias, null);
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        Route chosen = resolver.choose(request);
        ChatResponse response = chain.proceed(request.toBuilder().deployment(chosen.deployment()).build());
        return DeploymentResolver.stamp(response, chosen.reason(), chosen.detail());
    }
}
