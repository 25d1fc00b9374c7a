package io.github.foundryagents.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.chat.TokenUsage;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroundedTaskTextTest {

    private static GroundedAnswer answer(String content, List<Citation> citations) {
        return new GroundedAnswer(content, citations, List.of(), TokenUsage.ZERO, "a", "t", "r", Duration.ZERO);
    }

    @Test
    void citationMarkersBecomeNumbersAndTheSourcesFollowTheText() {
        String content = "Rates rose【3:0†source】 in May【3:1†source】.";
        int first = content.indexOf('【');
        int second = content.indexOf('【', first + 1);
        List<Citation> citations = List.of(
                new Citation("Fed minutes", "https://fed.example/minutes", "【3:0†source】", first, first + 12),
                new Citation(null, "https://news.example/may", "【3:1†source】", second, second + 12));

        assertThat(AgentTaskRunners.withSources(answer(content, citations))).isEqualTo("Rates rose[1] in May[2].\n\n"
                + "Sources:\n1. Fed minutes - https://fed.example/minutes\n2. https://news.example/may"
                + " - https://news.example/may");
    }

    @Test
    void anAnswerWithoutCitationsIsKeptAsItIs() {
        assertThat(AgentTaskRunners.withSources(answer("Plain.", List.of()))).isEqualTo("Plain.");
    }
}
