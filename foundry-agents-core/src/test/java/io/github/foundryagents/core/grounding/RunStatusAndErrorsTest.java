package io.github.foundryagents.core.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunStatusAndErrorsTest {

    @ParameterizedTest
    @CsvSource({"queued,QUEUED,false", "in_progress,IN_PROGRESS,false", "requires_action,REQUIRES_ACTION,false",
        "cancelling,CANCELLING,false", "completed,COMPLETED,true", "failed,FAILED,true", "cancelled,CANCELLED,true",
        "expired,EXPIRED,true", "incomplete,INCOMPLETE,true", "paused,UNKNOWN,true"})
    void mapsWireStatusesAndTreatsUnknownOnesAsTerminal(String wire, RunStatus status, boolean terminal) {
        assertThat(RunStatus.fromWire(wire)).isEqualTo(status);
        assertThat(status.isTerminal()).isEqualTo(terminal);
    }

    @ParameterizedTest
    @CsvSource({"rate_limit_exceeded,true", "server_error,true", "invalid_prompt,false", "content_filter,false"})
    void onlyTransientRunErrorsAreRetryable(String code, boolean retryable) {
        AgentRunFailedException e = new AgentRunFailedException(code, "m", "run_1", "thread_1");

        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.errorCode()).contains(code);
        assertThat(e.statusCode()).isZero();
    }

    @Test
    void extractsTheQueryFromAClassicBingRequestUrl() {
        assertThat(SearchQueries.fromRequestUrl("https://api.bing.microsoft.com/v7.0/search?q=search(query:2025 NCAA"
                + " basketball championship winner)")).isEqualTo("2025 NCAA basketball championship winner");
        assertThat(SearchQueries.fromRequestUrl("https://api.bing.microsoft.com/v7.0/search?q=search%28query%3Aoslo"
                + "%20weather%29&mkt=en-US")).isEqualTo("oslo weather");
        assertThat(SearchQueries.fromRequestUrl("")).isNull();
        assertThat(SearchQueries.bingLink("oslo weather")).isEqualTo("https://www.bing.com/search?q=oslo+weather");
    }
}
