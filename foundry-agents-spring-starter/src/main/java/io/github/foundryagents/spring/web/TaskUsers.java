package io.github.foundryagents.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * Who is asking: the authenticated principal's name (Spring Security or any servlet authentication), or the fixed
 * development user when {@code foundry.agents.web.dev-user} is set. An anonymous request has no user.
 */
final class TaskUsers {

    private final String devUser;

    TaskUsers(String devUser) {
        this.devUser = devUser;
    }

    Optional<String> userOf(HttpServletRequest request) {
        if (devUser != null) {
            return Optional.of(devUser);
        }
        Principal principal = request.getUserPrincipal();
        return principal == null || principal.getName() == null || principal.getName().isBlank() ? Optional.empty()
                : Optional.of(principal.getName());
    }
}
