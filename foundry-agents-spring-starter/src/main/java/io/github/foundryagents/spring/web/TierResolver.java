package io.github.foundryagents.spring.web;

import io.github.foundryagents.core.tasks.Tier;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides a caller's tier, which sets the queue priority of the tasks they submit (premium 1, standard 10: lower
 * runs first). Define a bean of this type to replace the default, which reads
 * {@code foundry.agents.web.premium-role} and {@code foundry.agents.web.premium-users}. Must be thread-safe.
 */
@FunctionalInterface
public interface TierResolver {

    /**
     * @param userId the authenticated user, as tasks record it
     * @param request the request, for roles ({@link HttpServletRequest#isUserInRole}) or headers
     * @return the user's tier
     */
    Tier tierOf(String userId, HttpServletRequest request);
}
