package io.github.foundryagents.core.grounding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;

/**
 * The {@code bing_grounding} tool definition both service generations share, apart from the name of the
 * connection field. Stateless; for transports.
 */
public final class BingToolJson {

    /** The classic service's connection field. */
    public static final String CLASSIC_FIELD = "connection_id";
    /** The Responses API's connection field. */
    public static final String RESPONSES_FIELD = "project_connection_id";

    private BingToolJson() {
    }

    /**
     * @param bing the tool settings
     * @param idField {@link #CLASSIC_FIELD} or {@link #RESPONSES_FIELD}
     * @return {@code {"type":"bing_grounding","bing_grounding":{"search_configurations":[{...}]}}}
     */
    public static ObjectNode of(BingGrounding bing, String idField) {
        ObjectNode tool = Json.object().put("type", "bing_grounding");
        ObjectNode search = tool.putObject("bing_grounding").putArray("search_configurations").addObject()
                .put(idField, bing.connectionId().toString());
        bing.count().ifPresent(c -> search.put("count", c));
        bing.freshness().ifPresent(f -> search.put("freshness", f));
        bing.market().ifPresent(m -> search.put("market", m));
        bing.language().ifPresent(l -> search.put("set_lang", l));
        return tool;
    }
}
