package io.github.foundryagents.spring.actuate;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.config.Endpoints;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.http.BearerTokenPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the Azure connection: the configuration is valid (it was, or the application would not have started),
 * a Microsoft Entra ID token can be obtained (skipped with an API key), and every checked deployment answers a
 * one-token completion. The result is cached for {@code cache-ttl}, up or down, so frequent probes (Kubernetes,
 * load balancers) cost at most one tiny call per deployment per period. Thread-safe.
 */
public final class FoundryHealthIndicator implements HealthIndicator {

    private final AgentClient client;
    private final TokenCredential credential;
    private final List<String> deployments;
    private final Duration ttl;
    private final Duration timeout;
    private final Clock clock;
    private Health cached;
    private Instant expires = Instant.MIN;

    /**
     * @param client the client whose deployments to check
     * @param credential the Entra ID credential, or {@code null} to skip the token check
     * @param deployments aliases or deployment names to check
     * @param ttl how long a result is served
     * @param timeout the most one check may take
     * @param clock the clock
     */
    public FoundryHealthIndicator(AgentClient client, TokenCredential credential, List<String> deployments,
            Duration ttl, Duration timeout, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.credential = credential;
        this.deployments = List.copyOf(deployments);
        this.ttl = ttl;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(expires)) {
            cached = check(now);
            expires = now.plus(ttl);
        }
        return cached;
    }

    private Health check(Instant now) {
        FoundryConfig config = client.config();
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endpoint", Endpoints.redact(config.endpoint().toString()));
        details.put("configuration", "valid");
        if (config.apiKey().isPresent()) {
            details.put("auth", "api-key");
        } else {
            details.put("auth", "entra-id");
            String token = tokenCheck();
            details.put("token", token);
            up = token.equals("obtained");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String deployment : deployments) {
            String answer = deploymentCheck(deployment);
            answers.put(deployment, answer);
            up &= answer.startsWith("answered");
        }
        details.put("deployments", answers);
        details.put("checkedAt", now.toString());
        details.put("nextCheckAfter", now.plus(ttl).toString());
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }

    private String tokenCheck() {
        if (credential == null) {
            return "not checked: no credential";
        }
        try {
            credential.getTokenSync(new TokenRequestContext().addScopes(BearerTokenPolicy.COGNITIVE_SERVICES_SCOPE));
            return "obtained";
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        }
    }

    private String deploymentCheck(String deployment) {
        try {
            ChatResponse response = client.chat(ChatRequest.builder().user("ping").deployment(deployment).maxTokens(1)
                    .cacheable(false).timeout(timeout).build());
            return "answered (" + response.deployment() + ")";
        } catch (RuntimeException e) {
            return "failed: " + firstLine(e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
