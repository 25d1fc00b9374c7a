package io.github.foundryagents.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AgentBuilderTest {

    private final AgentClient client = AgentClient.builder().endpoint("https://example.openai.azure.com")
            .credential(request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)))).build();

    @Test
    void defaultsFollowTheGuidance() {
        Agent agent = client.agent().build();

        assertThat(agent.maxIterations()).isEqualTo(10);
        assertThat(agent.toolTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(agent.timeout()).isEmpty();
        assertThat(agent.unknownToolPolicy()).isEqualTo(UnknownToolPolicy.FAIL);
        assertThat(agent.tools().isEmpty()).isTrue();
        assertThat(agent.systemPrompt(null)).isEqualTo("You are a helpful assistant.\nUse the available tools when"
                + " you need to search for data or fetch external information.\nAlways explain your reasoning before"
                + " taking actions.");
        assertThat(agent.turnRequest(List.of(ChatMessage.user("x")), RunDeadline.after(null), RunOptions.none()).deployment())
                .contains("gpt4");
    }

    @Test
    void limitsAndSamplingAreCheckedWhenSetWithTheAllowedRange() {
        assertThatThrownBy(() -> client.agent().maxIterations(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> client.agent().toolTimeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> client.agent().timeout(Duration.ofSeconds(-1))).hasMessageContaining("positive");
        assertThatThrownBy(() -> client.agent().temperature(3.0)).hasMessageContaining("between 0 and 2");
        assertThatThrownBy(() -> client.agent().maxTokens(0)).hasMessageContaining("positive");
    }

    @Test
    void durationsInMessagesReadNaturally() {
        assertThat(Durations.text(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Durations.text(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Durations.text(Duration.ofMillis(1500))).isEqualTo("1.5s");
    }
}
