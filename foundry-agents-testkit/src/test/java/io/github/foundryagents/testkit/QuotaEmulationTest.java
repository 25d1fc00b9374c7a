package io.github.foundryagents.testkit;

import static io.github.foundryagents.testkit.RawClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuotaEmulationTest {

    private final FakeFoundry fake = FakeFoundry.start();
    private final RawClient client = new RawClient(fake);

    @AfterEach
    void stop() {
        fake.close();
    }

    private static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void chargesThePromptEstimatePlusMaxTokensAndSaysWhatRemains() throws IOException {
        fake.quota("gpt-4o", Quota.tpm(60_000));

        HttpResponse<String> r = client.chat("gpt-4o", 100);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "x-ratelimit-remaining-tokens")).isEqualTo(60_000 - (106 + 100));
        assertThat(header(r, "x-ratelimit-remaining-requests")).isEqualTo(60 - 1); // 360 RPM: 60 per 10 s
    }

    @Test
    void everyDeploymentHasAQuotaSoEveryAnswerCarriesTheHeaders() throws IOException {
        HttpResponse<String> r = client.chat("gpt-4o-mini", 10);

        assertThat(fake.quota("gpt-4o-mini").tokensPerMinute()).isEqualTo(1_000_000);
        assertThat(header(r, "x-ratelimit-remaining-tokens")).isEqualTo(1_000_000 - 116);
    }

    @Test
    void refusesWithAzures429WhenTheTokensAreSpentAndAdmitsAgainAfterTheHint() throws Exception {
        // 45,000 TPM over a 600 ms minute: 450 tokens per window, two calls of 206.
        fake.quota("gpt-4o", Quota.tpm(45_000).rpm(600_000).window(Duration.ofMillis(600)));
        client.chat("gpt-4o", 100);
        client.chat("gpt-4o", 100);

        HttpResponse<String> refused = client.chat("gpt-4o", 100);

        assertThat(refused.statusCode()).isEqualTo(429);
        JsonNode error = json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("429");
        assertThat(error.path("message").asText()).contains("exceeded token rate limit")
                .contains("Please retry after 1 second.");
        long waitMs = header(refused, "retry-after-ms");
        assertThat(waitMs).isBetween(1L, 600L);
        assertThat(header(refused, "retry-after")).isEqualTo(1);
        assertThat(header(refused, "x-ratelimit-remaining-tokens")).isEqualTo(450 - 412);
        assertThat(refused.headers().firstValue("policy-id")).contains("DeploymentRatelimit-Token");
        assertThat(fake.quotaRefusals("gpt-4o")).isEqualTo(1);

        Thread.sleep(waitMs);
        assertThat(client.chat("gpt-4o", 100).statusCode()).isEqualTo(200);
    }

    @Test
    void countsRequestsOverWindowsASixthAsLong() throws IOException {
        // 600 RPM over a 600 ms minute: one request per 100 ms request window.
        fake.quota("gpt-4o", Quota.tpm(1_000_000).rpm(600).window(Duration.ofMillis(600)));
        client.chat("gpt-4o", 10);

        HttpResponse<String> refused = client.chat("gpt-4o", 10);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).path("error").path("message").asText()).contains("exceeded call rate limit");
        assertThat(header(refused, "retry-after-ms")).isBetween(1L, 100L);
        assertThat(header(refused, "x-ratelimit-remaining-requests")).isZero();
    }

    @Test
    void aScaledWindowKeepsTheRatesAndScalesTheBudgets() {
        Quota q = Quota.tpm(60_000).window(Duration.ofSeconds(6));

        assertThat(q.tokenBudget()).isEqualTo(6_000);
        assertThat(q.requestWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(q.requestBudget()).isEqualTo(6); // 360 RPM -> 6 per second
    }

    @Test
    void withoutMaxTokensItReservesUntilAnsweredThenKeepsWhatWasUsed() throws IOException {
        fake.quota("gpt-4o", Quota.tpm(60_000).reserveWithoutMaxTokens(1_000));

        HttpResponse<String> first = client.chat("gpt-4o", null);
        long used = json(first).path("usage").path("total_tokens").asLong();
        HttpResponse<String> second = client.chat("gpt-4o", 100);

        assertThat(header(first, "x-ratelimit-remaining-tokens")).isEqualTo(60_000 - 106 - 1_000);
        assertThat(header(second, "x-ratelimit-remaining-tokens")).isEqualTo(60_000 - used - 206);
    }

    @Test
    void resetStartsTheWindowsAfresh() throws IOException {
        fake.quota("gpt-4o", Quota.tpm(1_000).rpm(600_000));
        client.chat("gpt-4o", 900);
        assertThat(client.chat("gpt-4o", 900).statusCode()).isEqualTo(429);

        fake.reset();

        assertThat(client.chat("gpt-4o", 900).statusCode()).isEqualTo(200);
    }
}
