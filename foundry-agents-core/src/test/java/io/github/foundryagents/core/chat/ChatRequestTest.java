package io.github.foundryagents.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.resilience.MaxRetryWait;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    @Test
    void tagsTravelWithTheRequestAndSurviveToBuilder() {
        ChatRequest request = ChatRequest.builder().user("hi")
                .tag(MaxRetryWait.class, new MaxRetryWait(Duration.ofSeconds(5))).build();

        assertThat(request.tag(MaxRetryWait.class)).contains(new MaxRetryWait(Duration.ofSeconds(5)));
        assertThat(request.toBuilder().build().tag(MaxRetryWait.class)).isPresent();
        assertThat(request.toBuilder().tag(MaxRetryWait.class, null).build().tag(MaxRetryWait.class)).isEmpty();
        assertThat(request.tag(String.class)).isEmpty();
    }

    @Test
    void rejectsOutOfRangeParametersWithTheRange() {
        assertThatThrownBy(() -> ChatRequest.builder().temperature(2.5)).hasMessageContaining("between 0 and 2");
        assertThatThrownBy(() -> ChatRequest.builder().topP(-0.1)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ChatRequest.builder().maxTokens(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> ChatRequest.builder().priority(0)).hasMessageContaining("between 1");
        assertThatThrownBy(() -> ChatRequest.builder().build()).hasMessageContaining("at least one message");
    }

    @Test
    void toolNamesMustBeAcceptableToAzure() {
        var schema = io.github.foundryagents.core.http.Json.object().put("type", "object");
        assertThatThrownBy(() -> new ToolDefinition("search database", "d", schema, false))
                .hasMessageContaining("^[a-zA-Z0-9_-]{1,64}$");
        assertThat(new ToolDefinition("search_database", "d", schema, false).name()).isEqualTo("search_database");
    }
}
