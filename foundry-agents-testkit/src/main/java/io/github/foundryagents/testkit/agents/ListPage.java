package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-style list envelope {@code {"object":"list","data":[...],"first_id","last_id","has_more"}} with the
 * Agent Service's paging: {@code order} ({@code desc} by default), {@code limit} (1 to 100, default 20),
 * {@code after} and {@code before} cursors. Stateless.
 */
final class ListPage {

    private ListPage() {
    }

    /**
     * @param oldestFirst the items in creation order, each with an {@code id}
     * @param query the request's query parameters
     * @return the page, or {@code null} when {@code limit} or {@code order} is invalid
     */
    static ObjectNode of(List<? extends JsonNode> oldestFirst, Map<String, String> query) {
        String order = query.getOrDefault("order", "desc");
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        } catch (NumberFormatException e) {
            return null;
        }
        if (limit < 1 || limit > 100 || !(order.equals("asc") || order.equals("desc"))) {
            return null;
        }
        List<JsonNode> items = new ArrayList<>(oldestFirst);
        if (order.equals("desc")) {
            Collections.reverse(items);
        }
        int from = indexAfter(items, query.get("after"));
        int to = query.containsKey("before") ? indexOf(items, query.get("before")) : items.size();
        to = to < 0 ? items.size() : to;
        List<JsonNode> page = from >= to ? List.of() : items.subList(from, Math.min(to, from + limit));
        ObjectNode envelope = Json.object().put("object", "list");
        ArrayNode data = envelope.putArray("data");
        page.forEach(data::add);
        if (page.isEmpty()) {
            envelope.putNull("first_id").putNull("last_id");
        } else {
            envelope.put("first_id", page.get(0).path("id").asText())
                    .put("last_id", page.get(page.size() - 1).path("id").asText());
        }
        envelope.put("has_more", from + page.size() < to);
        return envelope;
    }

    private static int indexAfter(List<JsonNode> items, String after) {
        if (after == null) {
            return 0;
        }
        int i = indexOf(items, after);
        return i < 0 ? items.size() : i + 1;
    }

    private static int indexOf(List<JsonNode> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
