package io.github.foundryagents.it.grounding;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.config.AgentServiceGeneration;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.RecordedRequest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every service generation under every waiting strategy, and what differs between generations on the wire. */
final class Setups {

    private Setups() {
    }

    static Stream<Arguments> all() {
        return Arrays.stream(AgentServiceGeneration.values())
                .flatMap(g -> Arrays.stream(Waiting.values()).map(w -> Arguments.of(g, w)));
    }

    static AgentClient client(FakeFoundry fake, AgentServiceGeneration generation) {
        return fake.clientBuilder().agentService(generation).build();
    }

    static boolean classic(AgentServiceGeneration generation) {
        return generation == AgentServiceGeneration.CLASSIC;
    }

    /** @return whether the request creates the agent */
    static boolean agentCreation(RecordedRequest r) {
        return r.method().equals("POST") && (r.path().endsWith("/assistants") || r.path().endsWith("/agents"));
    }

    /** @return the tools array of an agent creation */
    static com.fasterxml.jackson.databind.JsonNode tools(RecordedRequest creation) {
        return creation.path().endsWith("/agents") ? creation.body().path("definition").path("tools")
                : creation.body().path("tools");
    }

    /** @return whether the request sends function tool outputs */
    static boolean toolOutputs(RecordedRequest r) {
        return r.path().endsWith("/submit_tool_outputs")
                || (r.path().endsWith("/responses") && r.body().path("input").isArray());
    }

    /** @return the call id of the first tool output sent */
    static String toolCallId(RecordedRequest r) {
        return r.path().endsWith("/submit_tool_outputs")
                ? r.body().path("tool_outputs").get(0).path("tool_call_id").asText()
                : r.body().path("input").get(0).path("call_id").asText();
    }
}
