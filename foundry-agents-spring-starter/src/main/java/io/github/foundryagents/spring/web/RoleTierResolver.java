package io.github.foundryagents.spring.web;

import io.github.foundryagents.core.tasks.Tier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;

/**
 * The default {@link TierResolver}: premium when the user has the premium role (Spring Security's
 * {@code ROLE_}-prefixed authority, through {@link HttpServletRequest#isUserInRole}) or is listed by name;
 * standard otherwise. Thread-safe.
 */
public final class RoleTierResolver implements TierResolver {

    private final String premiumRole;
    private final Set<String> premiumUsers;

    /**
     * @param premiumRole the role of premium users, e.g. {@code PREMIUM}
     * @param premiumUsers user names that are premium whatever their roles
     */
    public RoleTierResolver(String premiumRole, List<String> premiumUsers) {
        this.premiumRole = premiumRole;
        this.premiumUsers = Set.copyOf(premiumUsers);
    }

    @Override
    public Tier tierOf(String userId, HttpServletRequest request) {
        return premiumUsers.contains(userId) || premiumRole != null && request.isUserInRole(premiumRole)
                ? Tier.PREMIUM : Tier.STANDARD;
    }
}
