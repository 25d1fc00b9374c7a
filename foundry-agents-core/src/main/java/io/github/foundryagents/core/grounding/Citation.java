package io.github.foundryagents.core.grounding;

import java.util.Objects;

/**
 * A web source the answer cites ({@code url_citation}). The title falls back to the URL when the service sends
 * none, so it is always displayable.
 *
 * @param title the page title, or the URL when the service gave no title
 * @param url the cited page
 * @param markedText the span of the answer that carries the citation (a marker such as {@code 【3:0†source】} on
 *     the classic service, the cited words on the Responses API); empty when the service gave no span
 * @param startIndex where that span starts in {@link GroundedAnswer#content()}, or -1 when unknown
 * @param endIndex where it ends (exclusive), or -1 when unknown
 */
public record Citation(String title, String url, String markedText, int startIndex, int endIndex) {

    /**
     * Validates and normalises the components.
     *
     * @param title the page title, or the URL when the service gave no title
     * @param url the cited page
     * @param markedText the span of the answer that carries the citation (a marker such as {@code 【3:0†source】} on
     *         the classic service, the cited words on the Responses API); empty when the service gave no span
     * @param startIndex where that span starts in {@link GroundedAnswer#content()}, or -1 when unknown
     * @param endIndex where it ends (exclusive), or -1 when unknown
     */
    public Citation {
        Objects.requireNonNull(url, "url");
        title = title == null || title.isBlank() ? url : title;
        markedText = markedText == null ? "" : markedText;
    }
}
