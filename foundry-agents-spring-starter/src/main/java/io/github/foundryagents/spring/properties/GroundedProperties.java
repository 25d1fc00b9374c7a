package io.github.foundryagents.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foundry.agents.grounded.*}: the grounded agent on the Foundry Agent Service, with Grounding with Bing
 * Search when a connection is configured. The agent is created on the service at its first task, not at start-up.
 *
 * @param projectEndpoint Foundry project endpoint, https://(resource).services.ai.azure.com/api/projects/(project).
 *     Falls back to PROJECT_ENDPOINT. Grounded tasks are offered only when it is set
 * @param modelDeployment deployment the agent runs on. Falls back to MODEL_DEPLOYMENT_NAME, then gpt-4o
 * @param bingConnectionId project connection id of the Grounding with Bing Search resource. Falls back to
 *     BING_CONNECTION_ID; without it the agent answers ungrounded
 * @param bingCount Bing results per search (1..50)
 * @param name the agent's name on the service
 * @param instructions the agent's instructions; unset sends none
 * @param temperature sampling temperature of the agent
 * @param verifyConnection check when the agent is created that the Bing connection exists in the project
 * @param waitStrategy how the client learns that a run finished: streaming, adaptive-polling or fixed-interval
 * @param pollInterval interval of fixed-interval polling
 * @param pollBudgetPerMinute status requests per minute that adaptive polling may spend, shared by all runs
 */
public record GroundedProperties(
        String projectEndpoint,
        String modelDeployment,
        String bingConnectionId,
        @DefaultValue("20") int bingCount,
        @DefaultValue("foundry-agents-research") String name,
        String instructions,
        @DefaultValue("0.2") double temperature,
        @DefaultValue("false") boolean verifyConnection,
        @DefaultValue("streaming") WaitMode waitStrategy,
        @DefaultValue("15s") Duration pollInterval,
        @DefaultValue("300") int pollBudgetPerMinute) {

    /** How the client learns that a run finished. */
    public enum WaitMode {
        /** Follow the run's server-sent events; fall back to adaptive polling if the stream breaks. */
        STREAMING,
        /** Poll early, then back off, within a shared poll budget. */
        ADAPTIVE_POLLING,
        /** Poll at {@code poll-interval}. */
        FIXED_INTERVAL
    }
}
