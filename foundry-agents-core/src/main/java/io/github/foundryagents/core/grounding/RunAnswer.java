package io.github.foundryagents.core.grounding;

import java.util.List;

/**
 * The assistant's answer as a transport read it: text, citations and the Bing queries behind them.
 *
 * @param content the text parts joined with a newline
 * @param citations the {@code url_citation} annotations in order
 * @param searchQueries the Bing queries the run made, empty when unknown
 */
public record RunAnswer(String content, List<Citation> citations, List<String> searchQueries) {

    /**
     * Copies the lists.
     *
     * @param content the text parts joined with a newline
     * @param citations the {@code url_citation} annotations in order
     * @param searchQueries the Bing queries the run made, empty when unknown
     */
    public RunAnswer {
        content = content == null ? "" : content;
        citations = List.copyOf(citations);
        searchQueries = List.copyOf(searchQueries);
    }
}
