package io.github.foundryagents.testkit.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fake Agent Service over raw HTTP: shapes, paging, errors, streaming, and the silent bad connection. */
class FakeAgentServiceWireTest extends RawProjectCalls {

    private static String agent(String connectionId) throws Exception {
        String tool = connectionId == null ? "" : "{\"type\":\"bing_grounding\",\"bing_grounding\":"
                + "{\"search_configurations\":[{\"connection_id\":\"" + connectionId + "\"}]}}";
        return json(call("POST", "/assistants?api-version=2025-05-01", "{\"model\":\"gpt-4o\",\"tools\":[" + tool
                + "]}")).path("id").asText();
    }

    private static JsonNode runToEnd(String agentId, String question) throws Exception {
        String thread = json(call("POST", "/threads?api-version=2025-05-01",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"" + question + "\"}]}")).path("id").asText();
        JsonNode run = json(call("POST", "/threads/" + thread + "/runs?api-version=2025-05-01",
                "{\"assistant_id\":\"" + agentId + "\"}"));
        while (!run.path("status").asText().equals("completed")) {
            Thread.sleep(20);
            run = json(call("GET", "/threads/" + thread + "/runs/" + run.path("id").asText()
                    + "?api-version=2025-05-01", null));
        }
        return json(call("GET", "/threads/" + thread + "/messages?api-version=2025-05-01&limit=1", null))
                .path("data").get(0);
    }

    @Test
    void aValidConnectionGroundsTheAnswerAndAnUnknownOneIsIgnoredSilently() throws Exception {
        JsonNode grounded = runToEnd(agent(fake.agents().bingConnectionId()), "news?");
        JsonNode silent = runToEnd(agent(fake.agents().bingConnectionId().replace("bing-grounding", "nope")), "news?");
        JsonNode malformed = runToEnd(agent("bing-grounding"), "news?");

        assertThat(grounded.path("content").get(0).path("text").path("annotations").get(0).path("type").asText())
                .isEqualTo("url_citation");
        assertThat(silent.path("content").get(0).path("text").path("annotations")).isEmpty();
        assertThat(malformed.path("content").get(0).path("text").path("annotations")).isEmpty();
        assertThat(silent.path("role").asText()).isEqualTo("assistant");
    }

    @Test
    void runsMoveFromQueuedThroughInProgressToCompletedWithUsageOnlyAtTheEnd() throws Exception {
        fake.agents().timeScale(1).enqueue(RunScript.answer("ok").withDuration(Duration.ofMillis(400)));
        String agent = agent(null);
        String thread = json(call("POST", "/threads?api-version=2025-05-01", "{}")).path("id").asText();
        JsonNode queued = json(call("POST", "/threads/" + thread + "/runs?api-version=2025-05-01",
                "{\"assistant_id\":\"" + agent + "\"}"));
        String runPath = "/threads/" + thread + "/runs/" + queued.path("id").asText() + "?api-version=2025-05-01";
        Thread.sleep(150);
        JsonNode running = json(call("GET", runPath, null));
        Thread.sleep(400);
        JsonNode done = json(call("GET", runPath, null));
        fake.agents().timeScale(FakeAgentService.DEFAULT_TIME_SCALE);

        assertThat(queued.path("status").asText()).isEqualTo("queued");
        assertThat(queued.path("usage").isNull()).isTrue();
        assertThat(queued.has("last_error")).isTrue();
        assertThat(running.path("status").asText()).isEqualTo("in_progress");
        assertThat(running.path("started_at").isNumber()).isTrue();
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("completed_at").isNumber()).isTrue();
        assertThat(done.path("usage").path("total_tokens").asInt()).isPositive();
    }

    @Test
    void listsPageWithTheEnvelopeAndCursors() throws Exception {
        for (int i = 0; i < 3; i++) {
            agent(null);
        }
        JsonNode first = json(call("GET", "/assistants?api-version=2025-05-01&limit=2", null));
        JsonNode second = json(call("GET", "/assistants?api-version=2025-05-01&limit=2&after="
                + first.path("last_id").asText(), null));

        assertThat(first.path("object").asText()).isEqualTo("list");
        assertThat(first.path("data")).hasSize(2);
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(first.path("first_id").asText()).isEqualTo(first.path("data").get(0).path("id").asText());
        assertThat(second.path("data")).hasSize(1);
        assertThat(second.path("has_more").asBoolean()).isFalse();
        assertThat(call("GET", "/assistants?api-version=2025-05-01&limit=101", null).statusCode()).isEqualTo(400);
    }

    @Test
    void streamsOneEventAndOneDataLinePerEventEndingWithDone() throws Exception {
        String agent = agent(fake.agents().bingConnectionId());
        String thread = json(call("POST", "/threads?api-version=2025-05-01",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).path("id").asText();

        HttpResponse<String> stream = call("POST", "/threads/" + thread + "/runs?api-version=2025-05-01",
                "{\"assistant_id\":\"" + agent + "\",\"stream\":true}");

        assertThat(stream.headers().firstValue("content-type")).get().asString().startsWith("text/event-stream");
        String[] events = stream.body().split("\n\n");
        for (String e : events) {
            String[] lines = e.split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).startsWith("event: ");
            assertThat(lines[1]).startsWith("data: ");
        }
        assertThat(events[0]).startsWith("event: thread.run.created");
        assertThat(stream.body()).contains("event: thread.run.step.completed").contains("event: thread.message.delta")
                .contains("event: thread.message.completed");
        assertThat(events[events.length - 2]).startsWith("event: thread.run.completed");
        assertThat(events[events.length - 1]).isEqualTo("event: done\ndata: [DONE]");
    }

    @Test
    void answersErrorsInTheServicesShape() throws Exception {
        HttpResponse<String> noVersion = call("GET", "/assistants", null);
        HttpResponse<String> oldVersion = call("GET", "/assistants?api-version=2024-07-01-preview", null);
        HttpResponse<String> missing = call("GET", "/threads/thread_x?api-version=2025-05-01", null);
        HttpResponse<String> noAuth = unauthenticated("/assistants?api-version=2025-05-01");

        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion).path("error").path("message").asText()).contains("api-version");
        assertThat(json(oldVersion).path("error").path("code").asText()).isEqualTo("UnsupportedApiVersionValue");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").path("message").asText()).isEqualTo("No thread found with id"
                + " 'thread_x'.");
        assertThat(noAuth.statusCode()).isEqualTo(401);
    }

    @Test
    void stepsAreServedAtTheStepsPathNotAtTheRunPath() throws Exception {
        String agent = agent(fake.agents().bingConnectionId());
        runToEnd(agent, "q");
        var run = fake.agents().runs().get(0);
        JsonNode steps = json(call("GET", "/threads/" + run.conversationId() + "/runs/" + run.id()
                + "/steps?api-version=2025-05-01&order=asc", null));
        JsonNode atRunPath = json(call("GET", "/threads/" + run.conversationId() + "/runs/" + run.id()
                + "?api-version=2025-05-01", null));

        assertThat(steps.path("data").get(0).path("step_details").path("tool_calls").get(0).path("bing_grounding")
                .path("requesturl").asText()).startsWith("https://api.bing.microsoft.com/v7.0/search?q=");
        assertThat(atRunPath.path("object").asText()).isEqualTo("thread.run");
    }

    @Test
    void connectionsApiFindsTheBingConnection() throws Exception {
        JsonNode c = json(call("GET", "/connections/bing-grounding?api-version=v1", null));

        assertThat(c.path("id").asText()).isEqualTo(fake.agents().bingConnectionId());
        assertThat(c.path("type").asText()).isEqualTo("GroundingWithBingSearch");
        assertThat(call("GET", "/connections/other?api-version=v1", null).statusCode()).isEqualTo(404);
    }
}
