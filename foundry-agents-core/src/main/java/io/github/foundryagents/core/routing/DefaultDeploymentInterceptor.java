package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import java.util.Objects;

/**
 * The pipeline's first routing step when no model router is configured: resolves the request's alias to a
 * deployment name, or applies the client's default alias when the request names none, and records on the
 * response why that deployment answered. Thread-safe.
 */
public final class DefaultDeploymentInterceptor implements ChatInterceptor {

    private final Deployments deployments;
    private final String defaultAlias;

    /**
     * @param deployments alias to deployment name
     * @param defaultAlias the alias used when a request names no deployment
     */
    public DefaultDeploymentInterceptor(Deployments deployments, String defaultAlias) {
        this.deployments = Objects.requireNonNull(deployments, "deployments");
        this.defaultAlias = Objects.requireNonNull(defaultAlias, "defaultAlias");
    }

    @Override
    public ChatResponse intercept(ChatRequest request, Chain chain) {
        boolean explicit = request.deployment().isPresent();
        String asked = request.deployment().orElse(defaultAlias);
        String deployment = deployments.resolve(asked);
        ChatResponse response = chain.proceed(request.toBuilder().deployment(deployment).build());
        Route route = explicit
                ? new Route(response.deployment(), Route.Reason.EXPLICIT, describe("requested", asked, deployment))
                : new Route(response.deployment(), Route.Reason.DEFAULT, describe("client default", asked, deployment));
        return response.toBuilder().route(route).build();
    }

    private static String describe(String how, String asked, String deployment) {
        return asked.equals(deployment) ? how + " deployment " + deployment
                : how + " alias " + asked + " -> deployment " + deployment;
    }
}
