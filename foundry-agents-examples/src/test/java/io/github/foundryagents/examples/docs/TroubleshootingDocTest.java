package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.DeploymentNotFoundException;
import io.github.foundryagents.core.RateLimitException;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.FoundryConfigException;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.RetryAfterTooLongException;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Quota;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each common mistake of {@code docs/troubleshooting.md} is made here through the real library (against the
 * testkit's fake Azure where a server is needed), and the message the library produces must appear on the page
 * verbatim, as a {@code ```text} block ({@link ErrorTextBlocks}; variable parts only as its placeholders).
 */
class TroubleshootingDocTest {

    private static final Path PAGE = Path.of("..", "docs", "troubleshooting.md");
    private static final String ENDPOINT = "https://my-resource.openai.azure.com";
    /** One request per window, and a "minute" of 10 minutes: the second call is refused for ~100 s, never 1 s. */
    private static final Quota SLOW_QUOTA = Quota.tpm(100_000).rpm(1).window(Duration.ofMinutes(10));

    @Test
    void apiKeyInsteadOfManagedIdentity() {
        assertDocumented(configProblem(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT,
                FoundryEnv.AZURE_OPENAI_API_KEY, "0123456789abcdef0123456789abcdef")));
    }

    @Test
    void endpointWithoutHttps() {
        assertDocumented(configProblem(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, "my-resource.openai.azure.com")));
        assertDocumented(configProblem(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, "http://my-resource.openai.azure.com")));
    }

    @Test
    void endpointWithAPath() {
        assertDocumented(configProblem(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT + "/openai/v1")));
    }

    @Test
    void modelNameWhereTheDeploymentNameBelongs() {
        try (FakeFoundry fake = FakeFoundry.builder().noDefaultDeployments().deployment("chat-prod", "gpt-4o")
                .start()) {
            AgentClient client = fake.client();
            Throwable e = catchThrowable(() -> client.chat(ChatRequest.builder().user("Hello").deployment("gpt4")
                    .build()));
            assertThat(e).isInstanceOf(DeploymentNotFoundException.class);
            assertDocumented(e.getMessage());
        }
    }

    @Test
    void outdatedApiVersion() {
        assertDocumented(configProblem(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT, ENDPOINT,
                FoundryEnv.AZURE_OPENAI_API_VERSION, "2024-02-01")));
    }

    @Test
    void bingConnectionNameInsteadOfItsId() {
        Throwable e = catchThrowable(() -> BingGrounding.connection("my-bing-connection"));
        assertThat(e).isInstanceOf(FoundryConfigException.class);
        assertDocumented(e.getMessage());
    }

    @Test
    void bingConnectionThatTheProjectDoesNotHave() {
        try (FakeFoundry fake = FakeFoundry.start()) {
            String otherConnection = fake.agents().bingConnectionId().replace("/connections/bing-grounding",
                    "/connections/bing-search");
            Throwable e = catchThrowable(() -> fake.client().groundedAgent().name("research")
                    .bing(BingGrounding.connection(otherConnection)).verifyConnection(true).create());
            assertThat(e).isInstanceOf(FoundryConfigException.class);
            assertDocumented(e.getMessage());
        }
    }

    @Test
    void rateLimitedWithoutPacingOrRetries() {
        try (FakeFoundry fake = FakeFoundry.builder().quota("gpt-4o-mini", SLOW_QUOTA).start()) {
            AgentClient client = fake.clientBuilder().retryPolicy(RetryPolicy.none()).pacing(PacingOptions.disabled())
                    .build();
            client.complete("First call");
            Throwable e = catchThrowable(() -> client.complete("Second call"));
            assertThat(e).isInstanceOf(RateLimitException.class);
            assertDocumented(e.getMessage());
        }
    }

    @Test
    void rateLimitedLongerThanTheCallMayWait() {
        try (FakeFoundry fake = FakeFoundry.builder().quota("gpt-4o-mini", SLOW_QUOTA).start()) {
            AgentClient client = fake.clientBuilder().pacing(PacingOptions.disabled())
                    .retryPolicy(RetryPolicy.builder().timeout(Duration.ofSeconds(2)).build()).build();
            client.complete("First call");
            Throwable e = catchThrowable(() -> client.complete("Second call"));
            assertThat(e).isInstanceOf(RetryAfterTooLongException.class);
            assertDocumented(e.getMessage());
        }
    }

    @Test
    void pollingEverySecond() {
        try (FakeFoundry fake = FakeFoundry.start()) {
            String warning = stderrOf(() -> fake.client().groundedAgent().name("research")
                    .waitStrategy(WaitStrategy.fixedInterval(Duration.ofSeconds(1))).create());
            String prefix = "WARN GroundedAgentBuilder - ";
            assertThat(warning).as("the warning the builder logs").contains(prefix);
            assertDocumented(warning.substring(warning.indexOf(prefix) + prefix.length()).lines().findFirst()
                    .orElseThrow());
        }
    }

    private static String configProblem(Map<String, String> env) {
        Throwable e = catchThrowable(() -> FoundryConfig.fromMap(new LinkedHashMap<>(env)));
        assertThat(e).isInstanceOf(FoundryConfigException.class);
        return e.getMessage();
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void assertDocumented(String message) {
        String page;
        try {
            page = Files.readString(PAGE);
        } catch (IOException e) {
            throw new AssertionError("docs/troubleshooting.md cannot be read", e);
        }
        assertThat(new ErrorTextBlocks(page).documents(message))
                .as("docs/troubleshooting.md shows this message verbatim in a ```text block:%n%s", message).isTrue();
    }
}
