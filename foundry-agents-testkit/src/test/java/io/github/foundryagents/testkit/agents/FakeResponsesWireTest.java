package io.github.foundryagents.testkit.agents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake's new Agent Service over raw HTTP: agents and versions, conversations, responses in every mode. */
class FakeResponsesWireTest extends RawProjectCalls {

    private static void agent(String name, String connectionId) throws Exception {
        String tools = connectionId == null ? "" : "{\"type\":\"bing_grounding\",\"bing_grounding\":"
                + "{\"search_configurations\":[{\"project_connection_id\":\"" + connectionId + "\"}]}}";
        HttpResponse<String> r = call("POST", "/agents?api-version=v1", "{\"name\":\"" + name + "\",\"definition\":"
                + "{\"kind\":\"prompt\",\"model\":\"gpt-4o\",\"tools\":[" + tools + "]}}");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    private static String conversation(String question) throws Exception {
        return json(call("POST", "/openai/v1/conversations", "{\"items\":[{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":\"" + question + "\"}]}")).path("id").asText();
    }

    @Test
    void versionsAgentsByNameAndRefusesADuplicateCreate() throws Exception {
        agent("news", null);
        HttpResponse<String> duplicate = call("POST", "/agents?api-version=v1",
                "{\"name\":\"news\",\"definition\":{\"kind\":\"prompt\",\"model\":\"gpt-4o\"}}");
        JsonNode v2 = json(call("POST", "/agents/news/versions?api-version=v1",
                "{\"definition\":{\"kind\":\"prompt\",\"model\":\"gpt-4o-mini\"}}"));
        JsonNode agent = json(call("GET", "/agents/news?api-version=v1", null));

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(v2.path("object").asText()).isEqualTo("agent.version");
        assertThat(v2.path("id").asText()).isEqualTo("news:2");
        assertThat(agent.path("versions").path("latest").path("version").asText()).isEqualTo("2");
        assertThat(call("GET", "/agents?api-version=v1", null).body()).contains("\"object\":\"list\"");
        assertThat(call("GET", "/agents", null).statusCode()).isEqualTo(400);
        assertThat(json(call("DELETE", "/agents/news?api-version=v1", null)).path("object").asText())
                .isEqualTo("agent.deleted");
    }

    @Test
    void aSynchronousResponseAcceptsTheOlderAgentKeyAndGroundsOnlyWithAKnownConnection() throws Exception {
        agent("good", fake.agents().bingConnectionId());
        agent("typo", fake.agents().bingConnectionId().replace("bing-grounding", "bing-typo"));

        JsonNode good = json(call("POST", "/openai/v1/responses", "{\"agent\":{\"type\":\"agent_reference\","
                + "\"name\":\"good\"},\"conversation\":\"" + conversation("news?") + "\"}"));
        JsonNode typo = json(call("POST", "/openai/v1/responses", "{\"agent_reference\":{\"type\":\"agent_reference\","
                + "\"name\":\"typo\"},\"conversation\":{\"id\":\"" + conversation("news?") + "\"}}"));

        assertThat(good.path("status").asText()).isEqualTo("completed");
        assertThat(good.path("output").get(0).path("type").asText()).isEqualTo("bing_grounding_call");
        assertThat(good.path("output").get(0).path("arguments").asText()).isEqualTo("{\"query\":\"news?\"}");
        JsonNode annotation = good.path("output").get(1).path("content").get(0).path("annotations").get(0);
        assertThat(annotation.path("type").asText()).isEqualTo("url_citation");
        assertThat(annotation.has("url")).isTrue();
        assertThat(good.path("usage").path("input_tokens").asInt()).isPositive();
        assertThat(good.path("agent_reference").path("version").asText()).isEqualTo("1");
        assertThat(typo.path("status").asText()).isEqualTo("completed");
        assertThat(typo.path("output")).hasSize(1);
        assertThat(typo.path("output").get(0).path("content").get(0).path("annotations")).isEmpty();
    }

    @Test
    void streamsNumberedEventsAndResumesAfterAGivenSequenceNumber() throws Exception {
        agent("s", null);
        HttpResponse<String> stream = call("POST", "/openai/v1/responses", "{\"agent_reference\":{\"type\":"
                + "\"agent_reference\",\"name\":\"s\"},\"conversation\":\"" + conversation("hi") + "\","
                + "\"background\":true,\"stream\":true}");
        List<JsonNode> events = new ArrayList<>();
        for (String e : stream.body().split("\n\n")) {
            events.add(Json.parse(e.substring(e.indexOf("data: ") + 6).getBytes(StandardCharsets.UTF_8)));
        }
        String id = events.get(0).path("response").path("id").asText();
        HttpResponse<String> resumed = call("GET", "/openai/v1/responses/" + id + "?stream=true&starting_after=4",
                null);

        assertThat(events.get(0).path("type").asText()).isEqualTo("response.created");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence_number").asInt()).isEqualTo(i);
        }
        assertThat(events.get(events.size() - 1).path("type").asText()).isEqualTo("response.completed");
        assertThat(events).extracting(e -> e.path("type").asText()).contains("response.output_text.delta",
                "response.output_item.done");
        assertThat(resumed.body()).startsWith("event: ").contains("\"sequence_number\":5")
                .doesNotContain("\"sequence_number\":4,");
    }

    @Test
    void onlyBackgroundResponsesCanBeCancelled() throws Exception {
        agent("c", null);
        fake.agents().enqueue(RunScript.answer("slow").withDuration(Duration.ofSeconds(60)),
                RunScript.answer("slow").withDuration(Duration.ofSeconds(1)));
        JsonNode background = json(call("POST", "/openai/v1/responses", "{\"agent_reference\":{\"type\":"
                + "\"agent_reference\",\"name\":\"c\"},\"conversation\":\"" + conversation("x") + "\","
                + "\"background\":true}"));
        JsonNode sync = json(call("POST", "/openai/v1/responses", "{\"agent_reference\":{\"type\":"
                + "\"agent_reference\",\"name\":\"c\"},\"conversation\":\"" + conversation("y") + "\"}"));

        JsonNode cancelled = json(call("POST", "/openai/v1/responses/" + background.path("id").asText() + "/cancel",
                null));
        HttpResponse<String> refused = call("POST", "/openai/v1/responses/" + sync.path("id").asText() + "/cancel",
                null);

        assertThat(background.path("status").asText()).isEqualTo("queued");
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void deletesConversationsInTheOpenAiShape() throws Exception {
        String id = conversation("bye");

        JsonNode deleted = json(call("DELETE", "/openai/v1/conversations/" + id, null));

        assertThat(deleted.path("object").asText()).isEqualTo("conversation.deleted");
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(call("GET", "/openai/v1/conversations/" + id, null).statusCode()).isEqualTo(404);
        assertThat(fake.agents().liveConversations()).isZero();
    }
}
