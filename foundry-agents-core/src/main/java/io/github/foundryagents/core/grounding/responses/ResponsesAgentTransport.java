package io.github.foundryagents.core.grounding.responses;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.FoundryServiceException;
import io.github.foundryagents.core.grounding.AgentRef;
import io.github.foundryagents.core.grounding.AgentServiceTransport;
import io.github.foundryagents.core.grounding.AgentSpec;
import io.github.foundryagents.core.grounding.BingConnectionId;
import io.github.foundryagents.core.grounding.RunAnswer;
import io.github.foundryagents.core.grounding.RunEventStream;
import io.github.foundryagents.core.grounding.RunSnapshot;
import io.github.foundryagents.core.grounding.ToolOutput;
import io.github.foundryagents.core.http.AgentServiceHttp;
import io.github.foundryagents.core.http.AzureHttp;
import io.github.foundryagents.core.http.Json;
import java.net.URI;
import java.util.List;

/**
 * The new Foundry Agent Service: agents are named, versioned resources ({@code /agents?api-version=v1}) and run
 * through the Responses API with Conversations ({@code /openai/v1}). A conversation is created holding the
 * question; each run is a background response ({@code "background": true, "store": true}) so it can be polled,
 * cancelled and, when streamed, resumed; function tool outputs go back as {@code function_call_output} items in a
 * new response on the same conversation. Thread-safe.
 */
public final class ResponsesAgentTransport implements AgentServiceTransport {

    /** api-version of the agents and connections APIs. */
    public static final String API_VERSION = "v1";

    private final AgentServiceHttp agents;
    private final AgentServiceHttp openai;

    /**
     * @param projectEndpoint {@code https://<resource>.services.ai.azure.com/api/projects/<project>}
     * @param http a sender authenticated for {@code https://ai.azure.com/.default}
     */
    public ResponsesAgentTransport(URI projectEndpoint, AzureHttp http) {
        this.agents = new AgentServiceHttp(projectEndpoint, http, "api-version=" + API_VERSION);
        this.openai = agents.withQuery("");
    }

    @Override
    public AgentRef createAgent(AgentSpec spec) {
        ObjectNode definition = ResponsesWire.definition(spec);
        String what = "Creating agent '" + spec.name() + "' on deployment '" + spec.deployment() + "'";
        try {
            ObjectNode body = Json.object().put("name", spec.name());
            body.set("definition", definition);
            JsonNode agent = agents.call(HttpMethod.POST, "/agents", body, what);
            return new AgentRef(spec.name(), spec.name(), Json.text(agent.path("versions").path("latest"), "version"));
        } catch (FoundryServiceException e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
        ObjectNode body = Json.object();
        body.set("definition", definition);
        JsonNode version = agents.call(HttpMethod.POST, agentPath(spec.name()) + "/versions", body,
                what + " (a new version of the existing agent)");
        return new AgentRef(spec.name(), spec.name(), Json.text(version, "version"));
    }

    @Override
    public void deleteAgent(AgentRef agent) {
        agents.call(HttpMethod.DELETE, agentPath(agent.name()), null, "Deleting agent " + agent.name());
    }

    @Override
    public boolean connectionExists(BingConnectionId connection) {
        return agents.exists("/connections/" + AgentServiceHttp.segment(connection.name()),
                "Looking up connection '" + connection.name() + "'");
    }

    @Override
    public String createConversation(AgentRef agent, String question) {
        return Json.text(openai.call(HttpMethod.POST, "/openai/v1/conversations", ResponsesWire.conversation(question),
                "Creating a conversation for agent " + agent.name()), "id");
    }

    @Override
    public void deleteConversation(String conversationId) {
        openai.call(HttpMethod.DELETE, "/openai/v1/conversations/" + AgentServiceHttp.segment(conversationId), null,
                "Deleting conversation " + conversationId);
    }

    @Override
    public RunEventStream startRun(AgentRef agent, String conversationId, boolean stream) {
        return respond(agent, conversationId, List.of(), stream);
    }

    @Override
    public RunSnapshot getRun(String conversationId, String runId) {
        return ResponsesWire.snapshot(openai.call(HttpMethod.GET, ResponsesRunStream.path(runId), null,
                "Reading response " + runId));
    }

    @Override
    public RunEventStream submitToolOutputs(AgentRef agent, String conversationId, RunSnapshot run,
            List<ToolOutput> outputs, boolean stream) {
        return respond(agent, conversationId, outputs, stream);
    }

    @Override
    public void cancelRun(String conversationId, String runId) {
        openai.call(HttpMethod.POST, ResponsesRunStream.path(runId) + "/cancel", null, "Cancelling response " + runId);
    }

    @Override
    public RunAnswer readAnswer(String conversationId, RunSnapshot run) {
        return ResponsesWire.answer(openai.call(HttpMethod.GET, ResponsesRunStream.path(run.id()), null,
                "Reading response " + run.id()).path("output"));
    }

    private RunEventStream respond(AgentRef agent, String conversationId, List<ToolOutput> input, boolean stream) {
        ObjectNode body = ResponsesWire.response(agent, conversationId, input, stream);
        String what = "Running agent " + agent.name() + " in conversation " + conversationId;
        if (!stream) {
            return RunEventStream.of(ResponsesWire.snapshot(openai.call(HttpMethod.POST, "/openai/v1/responses", body,
                    what)));
        }
        return new ResponsesRunStream(openai.stream("/openai/v1/responses", body, what), idAndSequence -> {
            int bar = idAndSequence.lastIndexOf('|');
            String id = idAndSequence.substring(0, bar);
            return openai.streamGet(ResponsesRunStream.path(id), "Resuming response " + id, "stream=true",
                    ResponsesRunStream.resumeQuery(Long.parseLong(idAndSequence.substring(bar + 1))));
        });
    }

    private static String agentPath(String name) {
        return "/agents/" + AgentServiceHttp.segment(name);
    }
}
