package io.github.foundryagents.core.grounding.classic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.RunAnswer;
import io.github.foundryagents.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassicWireTest {

    /** An assistant message of the classic service with two text parts, each citing a page with a marker. */
    private static final String TWO_PARTS = """
            {"id": "msg_1", "object": "thread.message", "role": "assistant", "content": [
              {"type": "text", "text": {"value": "Florida won.【3:0†source】", "annotations": [
                {"type": "url_citation", "text": "【3:0†source】", "start_index": 12, "end_index": 24,
                 "url_citation": {"url": "https://ncaa.com/final", "title": "Final"}}]}},
              {"type": "text", "text": {"value": "Houston lost.【3:1†source】", "annotations": [
                {"type": "url_citation", "text": "【3:1†source】", "start_index": 13, "end_index": 25,
                 "url_citation": {"url": "https://espn.com/recap", "title": "Recap"}}]}}]}
            """;

    @Test
    void textPartsAreJoinedWithANewlineAndLaterCitationsAreShiftedByWhatCameBefore() {
        RunAnswer answer = ClassicWire.answer(Json.parse(TWO_PARTS.getBytes(StandardCharsets.UTF_8)), List.of("q"));

        assertThat(answer.content()).isEqualTo("Florida won.【3:0†source】\nHouston lost.【3:1†source】");
        assertThat(answer.citations()).extracting(Citation::url, Citation::startIndex, Citation::endIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://ncaa.com/final", 12, 24),
                        org.assertj.core.groups.Tuple.tuple("https://espn.com/recap", 25 + 13, 25 + 25));
        for (Citation c : answer.citations()) {
            assertThat(answer.content().substring(c.startIndex(), c.endIndex())).isEqualTo(c.markedText());
        }
        assertThat(answer.searchQueries()).containsExactly("q");
    }
}
