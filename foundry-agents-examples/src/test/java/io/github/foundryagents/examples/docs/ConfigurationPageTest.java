package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.resilience.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks of {@link ConfigurationDocTest} fail on pages that drifted from the code. */
class ConfigurationPageTest {

    private static final String RETRY = RetryPolicy.Builder.class.getName();
    private static final String PAGE = """
            <!-- environment -->
            | variable | default | property | what |
            |---|---|---|---|
            | `AZURE_OPENAI_ENDPOINT` | required | `foundry.agents.endpoint` | endpoint |

            <!-- options: %s -->
            | option | default | what |
            |---|---|---|
            | `maxRetries(int)` | `5` | retries |
            | `baseDelay(Duration)` | `1s` | backoff |
            | `maxDelay(Duration)` | `1m` | longest backoff |
            | `timeout(Duration)` | `5m` | deadline |
            | `classifier(RetryClassifier)` | `RetryClassifier.azure()` | what is retried |
            """.formatted(RETRY);

    @Test
    void aCompletePageHasNoProblems() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE);
        assertThat(page.layoutProblems()).isEmpty();
        assertThat(page.optionProblems(List.of(RetryPolicy.Builder.class))).isEmpty();
        assertThat(page.environmentProblems(Set.of("AZURE_OPENAI_ENDPOINT"))).isEmpty();
        assertThat(page.defaultProblems(Map.of(RETRY + "#maxRetries(int)", List.of("5")))).isEmpty();
        assertThat(page.propertyProblems(Set.of("foundry.agents.endpoint"))).isEmpty();
    }

    @Test
    void anOptionMissingFromThePageIsReported() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE.replace("| `timeout(Duration)` | `5m` | deadline |\n",
                ""));
        assertThat(page.optionProblems(List.of(RetryPolicy.Builder.class)))
                .containsExactly(RETRY + ": option timeout(Duration) is not on the page");
    }

    @Test
    void anOptionTheCodeNoLongerHasIsReported() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE.replace("`maxDelay(Duration)`", "`maxBackoff(Duration)`"));
        assertThat(page.optionProblems(List.of(RetryPolicy.Builder.class))).containsExactlyInAnyOrder(
                RETRY + ": option maxDelay(Duration) is not on the page",
                RETRY + ": the page documents maxBackoff(Duration), which the code does not have");
    }

    @Test
    void aClassWithoutATableAndATableOfAVanishedClassAreReported() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE.replace(RETRY, "io.github.foundryagents.core.Gone"));
        assertThat(page.optionProblems(List.of(RetryPolicy.Builder.class))).containsExactly(
                RETRY + ": no table (add '<!-- options: " + RETRY + " -->' and a table of its options)",
                "the page documents io.github.foundryagents.core.Gone, which is not a configuration builder of the"
                        + " library (renamed or removed?)");
    }

    @Test
    void environmentVariablesAreComparedBothWays() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE);
        assertThat(page.environmentProblems(Set.of("AZURE_OPENAI_ENDPOINT", "NEW_VARIABLE"))).containsExactly(
                "environment variable NEW_VARIABLE is read by the library but not on the page");
        assertThat(page.environmentProblems(Set.of())).containsExactly(
                "the page lists environment variable AZURE_OPENAI_ENDPOINT, which the library does not read");
    }

    @Test
    void aWrongDefaultIsReported() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE.replace("| `5` | retries", "| `3` | retries"));
        assertThat(page.defaultProblems(Map.of(RETRY + "#maxRetries(int)", List.of("5")))).containsExactly(
                RETRY + "#maxRetries(int): the page says the default is '`3`' but the code's default is `5`");
    }

    @Test
    void anUnknownPropertyIsReportedWhileGroupsAndMapKeysPass() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE + "\n`foundry.agents.retry.*`,"
                + " `foundry.agents.deployments.gpt4`, `foundry.agents.retry.max-attempts`\n");
        assertThat(page.propertyProblems(Set.of("foundry.agents.endpoint", "foundry.agents.retry.max-retries",
                "foundry.agents.deployments"))).containsExactly(
                        "the page names property foundry.agents.retry.max-attempts, which the starter does not have");
    }

    @Test
    void duplicateRowsAreALayoutProblem() {
        ConfigurationPage page = ConfigurationPage.parse(PAGE + "| `maxRetries(int)` | `5` | again |\n");
        assertThat(page.layoutProblems()).containsExactly(RETRY + ": 'maxRetries(int)' is listed twice");
    }

    @Test
    void theRealPageFailsWhenARowIsRemoved() throws IOException {
        String real = Files.readString(Path.of("..", "docs", "configuration.md"));
        String doctored = real.replace("| `maxRetries(int)` | `5` | Retries after the first attempt; `0` turns retries"
                + " off. |\n", "");
        assertThat(doctored).isNotEqualTo(real);
        assertThat(ConfigurationPage.parse(doctored).optionProblems(ConfigurationDocTest.configurationClasses()))
                .containsExactly(RETRY + ": option maxRetries(int) is not on the page");
    }

    @Test
    void durationsAreWrittenTheWaySpringWritesThem() {
        assertThat(ConfigurationPage.human(Duration.ZERO)).isEqualTo("0s");
        assertThat(ConfigurationPage.human(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(ConfigurationPage.human(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(ConfigurationPage.human(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(ConfigurationPage.human(Duration.ofHours(1))).isEqualTo("1h");
    }
}
