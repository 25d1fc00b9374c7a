package io.github.foundryagents.core.grounding.responses;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.RunAnswer;
import io.github.foundryagents.core.http.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesWireTest {

    /** A response's output: the Bing call, then an assistant message with two cited {@code output_text} parts. */
    private static final String TWO_PARTS = """
            [{"type": "bing_grounding_call", "id": "bgc_1", "call_id": "call_1", "status": "completed",
              "arguments": "{\\"query\\":\\"NCAA final 2025\\"}"},
             {"type": "message", "id": "msg_1", "status": "completed", "role": "assistant", "content": [
              {"type": "output_text", "text": "Florida won the final.", "annotations": [
                {"type": "url_citation", "url": "https://ncaa.com/final", "title": "Final",
                 "start_index": 0, "end_index": 11}]},
              {"type": "output_text", "text": "Houston lost by two.", "annotations": [
                {"type": "url_citation", "url": "https://espn.com/recap", "title": "Recap",
                 "start_index": 8, "end_index": 19}]}]}]
            """;

    @Test
    void outputTextPartsAreJoinedWithANewlineAndLaterCitationsAreShiftedByWhatCameBefore() {
        RunAnswer answer = ResponsesWire.answer(Json.parse(TWO_PARTS.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.content()).isEqualTo("Florida won the final.\nHouston lost by two.");
        int second = "Florida won the final.\n".length();
        assertThat(answer.citations()).extracting(Citation::markedText, Citation::startIndex, Citation::endIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Florida won", 0, 11),
                        org.assertj.core.groups.Tuple.tuple("lost by two", second + 8, second + 19));
        for (Citation c : answer.citations()) {
            assertThat(answer.content().substring(c.startIndex(), c.endIndex())).isEqualTo(c.markedText());
        }
        assertThat(answer.searchQueries()).containsExactly("NCAA final 2025");
    }
}
