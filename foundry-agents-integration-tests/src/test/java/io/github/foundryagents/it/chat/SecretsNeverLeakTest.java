package io.github.foundryagents.it.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Keys, tokens and URL query strings must never show in messages, {@code toString()} or log lines. */
class SecretsNeverLeakTest {

    private static final String KEY = "sk-SECRET-KEY-1234567890";
    private static final String TOKEN = "eyJSECRET-TOKEN-0987654321";
    /** Each scripted failure surfaces from its own call (retries and their log lines are checked elsewhere). */
    private static final RetryPolicy ONE_FAILURE_PER_CALL = RetryPolicy.none();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previousLevel;

    @BeforeEach
    void captureEveryLogLine() {
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        root.setLevel(previousLevel);
    }

    private static HttpLogOptions verboseHttpLogging() {
        return new HttpLogOptions().setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS);
    }

    @Test
    void apiKeyNeverLeaksThroughFailuresToStringOrWireLogs() {
        try (FakeFoundry fake = FakeFoundry.start()) {
            AgentClient client = AgentClient.builder().endpoint(fake.endpoint().toString()).apiKey(KEY)
                    .httpLogOptions(verboseHttpLogging()).retryPolicy(ONE_FAILURE_PER_CALL).build();
            List<Object> evidence = failures(fake, client);
            evidence.add(client);
            evidence.add(client.config());

            assertThat(fake.journal().last().header("api-key")).as("the key did reach Azure").contains(KEY);
            assertNoSecret(evidence, KEY);
        }
    }

    @Test
    void bearerTokenNeverLeaksThroughFailuresToStringOrWireLogs() {
        try (FakeFoundry fake = FakeFoundry.start()) {
            AgentClient client = fake.clientBuilder().credential(new FakeTokenCredential(TOKEN))
                    .httpLogOptions(verboseHttpLogging()).retryPolicy(ONE_FAILURE_PER_CALL).build();
            List<Object> evidence = failures(fake, client);
            evidence.add(client);

            assertThat(fake.journal().last().header("authorization")).contains("Bearer " + TOKEN);
            assertNoSecret(evidence, TOKEN);
        }
    }

    @Test
    void endpointQueryStringsAndUserInfoNeverShowInErrors() {
        Throwable fromEnvironment = catchThrowable(() -> FoundryConfig.fromMap(Map.of(
                FoundryEnv.AZURE_OPENAI_ENDPOINT, "https://res.openai.azure.com/?sig=SECRET-SAS-SIGNATURE")));
        Throwable fromBuilder = catchThrowable(() -> AgentClient.builder()
                .endpoint("https://res.openai.azure.com/openai?sig=SECRET-SAS-SIGNATURE")
                .credential(new FakeTokenCredential()).build());
        Throwable userInfo = catchThrowable(() -> FoundryConfig.fromMap(Map.of(
                FoundryEnv.AZURE_OPENAI_ENDPOINT, "https://admin:SECRET-SAS-SIGNATURE@res.openai.azure.com")));

        assertThat(List.of(fromEnvironment, fromBuilder, userInfo)).doesNotContainNull()
                .allSatisfy(e -> {
                    assertThat(e.getMessage()).contains("must not contain credentials");
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain("SECRET-SAS-SIGNATURE");
                });
    }

    private List<Object> failures(FakeFoundry fake, AgentClient client) {
        List<Object> evidence = new ArrayList<>();
        fake.chat().enqueue(Reply.error(401, "401", "Access denied"), Reply.rateLimited(Duration.ofSeconds(1)),
                Reply.serverError(), Reply.contentFilterRefusal(), Reply.text("ok"));
        for (int i = 0; i < 4; i++) {
            evidence.add(catchThrowable(() -> client.chat(ChatRequest.of("hello"))));
        }
        evidence.add(client.chat(ChatRequest.of("hello")));
        assertThatThrownBy(() -> client.chat(ChatRequest.builder().user("x").deployment("missing").build()))
                .satisfies(evidence::add);
        return evidence;
    }

    private void assertNoSecret(List<Object> evidence, String secret) {
        for (Object o : evidence) {
            assertThat(o).isNotNull();
            assertThat(String.valueOf(o)).doesNotContain(secret);
            if (o instanceof Throwable t) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(secret);
            }
        }
        List<ILoggingEvent> lines;
        synchronized (logs) { // AppenderBase.doAppend holds this lock; HTTP threads may still be logging
            lines = List.copyOf(logs.list);
        }
        assertThat(lines).as("wire logging was on, so there are log lines to check").isNotEmpty();
        for (ILoggingEvent event : lines) {
            assertThat(event.getFormattedMessage()).doesNotContain(secret);
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain(secret);
            }
        }
    }
}
