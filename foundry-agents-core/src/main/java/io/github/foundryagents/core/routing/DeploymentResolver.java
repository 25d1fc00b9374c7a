package io.github.foundryagents.core.routing;

import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.chat.Route;
import io.github.foundryagents.core.config.Deployments;
import java.util.Locale;
import java.util.Objects;

/**
 * The one place that turns a request into a deployment name and a reason: the request's own deployment (alias or
 * name) wins, then the router's choice when there is a router, then the client's default alias. Shared by
 * {@link DefaultDeploymentInterceptor} and {@link RoutingInterceptor}. Immutable and thread-safe.
 */
final class DeploymentResolver {

    private final Deployments deployments;
    private final String defaultAlias;
    private final ModelRouter router;

    /**
     * @param deployments alias to deployment name
     * @param defaultAlias used when the request names no deployment and there is no router
     * @param router picks for requests that name no deployment; {@code null} for none
     */
    DeploymentResolver(Deployments deployments, String defaultAlias, ModelRouter router) {
        this.deployments = Objects.requireNonNull(deployments, "deployments");
        this.defaultAlias = Objects.requireNonNull(defaultAlias, "defaultAlias");
        this.router = router;
    }

    /**
     * @param request the call
     * @return the deployment to call, why, and a readable explanation
     */
    Route choose(ChatRequest request) {
        if (request.deployment().isPresent()) {
            String asked = request.deployment().get();
            return new Route(resolve(asked), Route.Reason.EXPLICIT, describe("requested", asked));
        }
        if (router != null) {
            ModelRouter.Decision decision = router.route(request);
            String how = decision.complexity().name().toLowerCase(Locale.ROOT) + " prompt: router";
            return new Route(resolve(decision.target()), Route.Reason.ROUTED, describe(how, decision.target()));
        }
        return new Route(resolve(defaultAlias), Route.Reason.DEFAULT, describe("client default", defaultAlias));
    }

    /**
     * @param aliasOrName an alias or a deployment name
     * @return the deployment name
     */
    String resolve(String aliasOrName) {
        return deployments.resolve(aliasOrName);
    }

    /**
     * @param response what the chosen deployment answered
     * @param reason why it answered
     * @param detail the explanation
     * @return the response naming the deployment that actually answered, with the reason
     */
    static ChatResponse stamp(ChatResponse response, Route.Reason reason, String detail) {
        return response.toBuilder().route(new Route(response.deployment(), reason, detail)).build();
    }

    private String describe(String how, String asked) {
        String deployment = resolve(asked);
        return asked.equals(deployment) ? how + " deployment " + deployment
                : how + " alias " + asked + " -> deployment " + deployment;
    }
}
