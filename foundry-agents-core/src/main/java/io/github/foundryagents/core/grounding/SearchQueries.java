package io.github.foundryagents.core.grounding;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Extracts the search text from what the services report about a Bing call. Stateless.
 */
public final class SearchQueries {

    private SearchQueries() {
    }

    /**
     * @param requestUrl a classic run step's {@code bing_grounding.requesturl}, e.g.
     *     {@code https://api.bing.microsoft.com/v7.0/search?q=search(query:NCAA winner)}
     * @return the query text ({@code NCAA winner}), or {@code null} when the URL has none
     */
    public static String fromRequestUrl(String requestUrl) {
        if (requestUrl == null || requestUrl.isBlank()) {
            return null;
        }
        int q = requestUrl.indexOf("?q=");
        q = q >= 0 ? q : requestUrl.indexOf("&q=");
        if (q < 0) {
            return null;
        }
        String raw = requestUrl.substring(q + 3);
        int amp = raw.indexOf('&');
        String query = raw.substring(0, amp >= 0 ? amp : raw.length());
        try {
            query = URLDecoder.decode(query, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded as expected: show it as sent
        }
        if (query.startsWith("search(query:") && query.endsWith(")")) {
            query = query.substring("search(query:".length(), query.length() - 1);
        }
        return query.isBlank() ? null : query.trim();
    }

    /**
     * @param query a search text
     * @return the Bing link an app shows for it, as Bing's display requirements ask
     */
    public static String bingLink(String query) {
        return "https://www.bing.com/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
