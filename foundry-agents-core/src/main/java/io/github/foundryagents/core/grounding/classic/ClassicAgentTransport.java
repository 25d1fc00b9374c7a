package io.github.foundryagents.core.grounding.classic;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.FoundryException;
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
 * The classic Foundry Agent Service (assistants, threads, messages, runs; api-version {@value #API_VERSION}) over
 * REST. A conversation is a thread created together with the question ({@code POST /threads} with
 * {@code messages}), so an ask costs: thread, run (streamed or polled), answer, thread deletion. Thread-safe.
 *
 * <p>Microsoft retires this API on 2027-03-31; {@code grounding.responses} speaks its successor.
 */
public final class ClassicAgentTransport implements AgentServiceTransport {

    /** The stable api-version this transport speaks. */
    public static final String API_VERSION = "2025-05-01";
    /** api-version of the project connections API. */
    static final String CONNECTIONS_API_VERSION = "v1";

    private final AgentServiceHttp http;
    private final AgentServiceHttp connections;

    /**
     * @param projectEndpoint {@code https://<resource>.services.ai.azure.com/api/projects/<project>}
     * @param http a sender authenticated for {@code https://ai.azure.com/.default}
     */
    public ClassicAgentTransport(URI projectEndpoint, AzureHttp http) {
        this.http = new AgentServiceHttp(projectEndpoint, http, "api-version=" + API_VERSION);
        this.connections = this.http.withQuery("api-version=" + CONNECTIONS_API_VERSION);
    }

    @Override
    public AgentRef createAgent(AgentSpec spec) {
        JsonNode agent = http.call(HttpMethod.POST, "/assistants", ClassicWire.agentBody(spec),
                "Creating agent '" + spec.name() + "' on deployment '" + spec.deployment() + "'");
        return new AgentRef(Json.text(agent, "id"), spec.name(), null);
    }

    @Override
    public void deleteAgent(AgentRef agent) {
        http.call(HttpMethod.DELETE, "/assistants/" + AgentServiceHttp.segment(agent.id()), null,
                "Deleting agent " + agent.id());
    }

    @Override
    public boolean connectionExists(BingConnectionId connection) {
        return connections.exists("/connections/" + AgentServiceHttp.segment(connection.name()),
                "Looking up connection '" + connection.name() + "'");
    }

    @Override
    public String createConversation(AgentRef agent, String question) {
        JsonNode thread = http.call(HttpMethod.POST, "/threads", ClassicWire.threadBody(question),
                "Creating a thread for agent " + agent.id());
        return Json.text(thread, "id");
    }

    @Override
    public void deleteConversation(String conversationId) {
        http.call(HttpMethod.DELETE, threadPath(conversationId), null, "Deleting thread " + conversationId);
    }

    @Override
    public RunEventStream startRun(AgentRef agent, String conversationId, boolean stream) {
        ObjectNode body = Json.object().put("assistant_id", agent.id());
        String path = threadPath(conversationId) + "/runs";
        String what = "Starting a run of agent " + agent.id() + " in thread " + conversationId;
        if (stream) {
            return new ClassicRunStream(http.stream(path, body.put("stream", true), what));
        }
        return RunEventStream.of(ClassicWire.run(http.call(HttpMethod.POST, path, body, what)));
    }

    @Override
    public RunSnapshot getRun(String conversationId, String runId) {
        return ClassicWire.run(http.call(HttpMethod.GET, runPath(conversationId, runId), null,
                "Reading run " + runId));
    }

    @Override
    public RunEventStream submitToolOutputs(AgentRef agent, String conversationId, RunSnapshot run,
            List<ToolOutput> outputs, boolean stream) {
        String path = runPath(conversationId, run.id()) + "/submit_tool_outputs";
        String what = "Submitting " + outputs.size() + " tool output(s) to run " + run.id();
        ObjectNode body = ClassicWire.toolOutputsBody(outputs, stream);
        if (stream) {
            return new ClassicRunStream(http.stream(path, body, what));
        }
        return RunEventStream.of(ClassicWire.run(http.call(HttpMethod.POST, path, body, what)));
    }

    @Override
    public void cancelRun(String conversationId, String runId) {
        http.call(HttpMethod.POST, runPath(conversationId, runId) + "/cancel", null, "Cancelling run " + runId);
    }

    @Override
    public RunAnswer readAnswer(String conversationId, RunSnapshot run) {
        JsonNode page = http.call(HttpMethod.GET, threadPath(conversationId) + "/messages", null,
                "Reading the answer of run " + run.id(), "order=desc", "limit=20",
                "run_id=" + AgentServiceHttp.segment(run.id()));
        for (JsonNode message : page.path("data")) {
            if ("assistant".equals(Json.text(message, "role"))) {
                RunAnswer answer = ClassicWire.answer(message, List.of());
                return answer.citations().isEmpty() ? answer
                        : new RunAnswer(answer.content(), answer.citations(), searchQueries(conversationId, run));
            }
        }
        throw new FoundryException("Run " + run.id() + " completed but thread " + conversationId + " has no"
                + " assistant message from it");
    }

    private List<String> searchQueries(String conversationId, RunSnapshot run) {
        JsonNode steps = http.call(HttpMethod.GET, runPath(conversationId, run.id()) + "/steps", null,
                "Reading the steps of run " + run.id(), "order=asc");
        return java.util.stream.StreamSupport.stream(steps.path("data").spliterator(), false)
                .flatMap(step -> ClassicWire.searchQueries(step).stream()).toList();
    }

    private static String threadPath(String threadId) {
        return "/threads/" + AgentServiceHttp.segment(threadId);
    }

    private static String runPath(String threadId, String runId) {
        return threadPath(threadId) + "/runs/" + AgentServiceHttp.segment(runId);
    }
}
