package io.github.foundryagents.spring.properties;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code foundry.agents.web.*}: the /tasks REST API.
 *
 * @param enabled serve POST /tasks and GET /tasks/{id}
 * @param maxPromptLength the longest prompt accepted, in characters
 * @param maxContextSize the largest context object accepted (UTF-8 JSON)
 * @param devUser serve every request as this fixed user, without authentication: for local development only.
 *     Without it the API refuses to start unless Spring Security is configured
 * @param premiumRole users with this role (isUserInRole) are premium: their tasks run first
 * @param premiumUsers user names that are premium whatever their roles
 */
public record WebProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("10000") int maxPromptLength,
        @DefaultValue("16KB") DataSize maxContextSize,
        String devUser,
        @DefaultValue("PREMIUM") String premiumRole,
        List<String> premiumUsers) {

    /**
     * Copies the user list.
     *
     * @param enabled serve POST /tasks and GET /tasks/{id}
     * @param maxPromptLength the longest prompt accepted, in characters
     * @param maxContextSize the largest context object accepted (UTF-8 JSON)
     * @param devUser serve every request as this fixed user, without authentication: for local development only.
     *         Without it the API refuses to start unless Spring Security is configured
     * @param premiumRole users with this role (isUserInRole) are premium: their tasks run first
     * @param premiumUsers user names that are premium whatever their roles
     */
    public WebProperties {
        premiumUsers = premiumUsers == null ? List.of() : List.copyOf(premiumUsers);
    }
}
