package io.github.foundryagents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.agents.RunScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tour as the README runs it: every step against the embedded fake, one step alone with {@code --only}, and the
 * whole tour against endpoints configured by environment variables (here an external fake standing in for Azure).
 */
class QuickstartTest {

    private record Run(int status, String out) { }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = Quickstart.run(args, env, new FakeTokenCredential(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(status, bytes.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> azureEnv(FakeFoundry azure) {
        Map<String, String> env = new HashMap<>();
        env.put(FoundryEnv.AZURE_OPENAI_ENDPOINT, azure.endpoint().toString());
        env.put(FoundryEnv.PROJECT_ENDPOINT, azure.projectEndpoint().toString());
        env.put(FoundryEnv.BING_CONNECTION_ID, azure.agents().bingConnectionId());
        return env;
    }

    @Test
    void theReadmeRunShowsEveryCapabilityAgainstTheEmbeddedFake() {
        Run run = run(Map.of());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("runs against the embedded fake Azure (FakeFoundry)")
                .doesNotContain("FAILED").doesNotContain("skipped")
                // routed completion and cache hit
                .contains("answered by gpt-4o-mini (simple prompt").contains("answered by gpt-4o (complex prompt")
                .contains("cached   by gpt-4o-mini")
                // tool-calling agent
                .contains("turn 1 calls search_database").contains("fetch_external_data -> SUCCESS")
                // grounded answer with citations, its run's progress
                .containsPattern("run \\S+: in_progress after \\d+\\.\\d s")
                .contains("source:     Migrate to the new Agent Service <https://learn.microsoft.com/")
                // prioritised background tasks with progress and webhooks
                .contains("progress [######] 6 completed, 0 failed").contains("finished in this order: PPPSSS")
                .contains("webhooks received with a valid signature: 6/6")
                // usage and cost summary, capacity report
                .containsPattern("this month: 2 calls to Azure, .* tokens, cost \\S+ USD")
                .contains("prod gpt-4o: 150,000 TPM")
                // the closing summary of every client's meters: chat per deployment, the grounded run, a total
                .containsPattern("chat on gpt-4o: \\d+ calls, \\d+ prompt \\+ \\d+ completion = \\d+ tokens,"
                        + " [\\d.]+ USD")
                .containsPattern("chat on gpt-4o-mini: \\d+ calls")
                .containsPattern("invoke_agent on gpt-4o: 1 call, ")
                .containsPattern("total: \\d+ calls, .* tokens, [\\d.]+ USD");
        for (TourStep step : Quickstart.STEPS) {
            assertThat(run.out()).contains("== " + step.name() + ": " + step.description());
        }
        assertThat(run.out().indexOf("== summary: ")).isGreaterThan(run.out().indexOf("== capacity: "));
    }

    @Test
    void eachStepRunsAloneWithOnly() {
        for (TourStep step : Quickstart.STEPS) {
            Run run = run(Map.of(), "--only", step.name());

            assertThat(run.status()).as(step.name()).isZero();
            assertThat(run.out()).as(step.name()).contains("== " + step.name() + ": ").doesNotContain("FAILED");
            assertThat(run.out().lines().filter(l -> l.startsWith("== ")).toList()).as(step.name())
                    .containsExactly("== " + step.name() + ": " + step.description(),
                            "== summary: calls, tokens and cost of this run, from the clients' GenAI meters");
        }
    }

    @Test
    void theChatStepAloneShowsTheAnswerDeploymentAndUsage() {
        Run run = run(Map.of(), "--only", "chat");

        assertThat(run.out()).contains("answer:     Azure AI Foundry is Microsoft's platform")
                .contains("deployment: gpt-4o").containsPattern("usage:      \\d+ prompt \\+ \\d+ completion");
    }

    @Test
    void theResilienceStepAloneRetriesTheFakesFailures() {
        Run run = run(Map.of(), "--only", "resilience");

        assertThat(run.out()).contains("the fake answered 503 twice; the client retried them")
                .contains("got through on request 3")
                .containsPattern("budget:     \\d+ tokens and \\d+ requests left");
    }

    @Test
    void listAndBadArgumentsSayWhatToUse() {
        Run list = run(Map.of(), "--list");
        assertThat(list.status()).isZero();
        assertThat(list.out().lines()).hasSize(Quickstart.STEPS.size()).anySatisfy(l -> assertThat(l)
                .startsWith("grounded\t"));

        Run unknown = run(Map.of(), "--only", "nope");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.out()).contains("no step named nope; use --list");

        Run generation = run(Map.of(), "--agent-service", "v3");
        assertThat(generation.status()).isEqualTo(2);
        assertThat(generation.out()).contains("unknown agent service v3; use classic or responses");
    }

    @Test
    void withTheAzureVariablesSetTheWholeTourUsesExactlyTheConfiguredEndpoints() {
        try (FakeFoundry azure = FakeFoundry.start()) {
            azure.agents().enqueue(RunScript.answer("Grounded on the configured project.")
                    .citing("https://learn.microsoft.com/azure/ai-foundry/", "Azure AI Foundry docs"));

            Run run = run(azureEnv(azure));

            assertThat(run.status()).as(run.out()).isZero();
            assertThat(run.out()).contains("foundry-agents quickstart against Azure at " + azure.endpoint())
                    .contains("credentials: FakeTokenCredential")
                    .doesNotContain("embedded fake").doesNotContain("FAILED").doesNotContain("skipped")
                    .contains("answer:     Grounded on the configured project.")
                    .contains("source:     Azure AI Foundry docs <https://learn.microsoft.com/azure/ai-foundry/>")
                    .contains("webhooks received with a valid signature: 6/6");
            // Every call of every step reached the configured fake: chat completions, the agent service, tasks.
            List<String> paths = azure.journal().all().stream().map(r -> r.path()).toList();
            assertThat(paths).anySatisfy(p -> assertThat(p).contains("/chat/completions"))
                    .anySatisfy(p -> assertThat(p).endsWith("/assistants"))
                    .anySatisfy(p -> assertThat(p).contains("/threads"));
            // chat 1, resilience 1, cost 2 (third is cached), agent >= 1, tasks 6
            assertThat(azure.journal().chatRequests().size()).isGreaterThanOrEqualTo(11);
            assertThat(azure.journal().all()).allSatisfy(r -> assertThat(r.header("authorization"))
                    .contains("Bearer " + FakeTokenCredential.DEFAULT_TOKEN));
        }
    }

    @Test
    void agentServiceChoosesTheGenerationTheGroundedStepRunsOn() {
        try (FakeFoundry azure = FakeFoundry.start()) {
            azure.agents().enqueue(RunScript.answer("Grounded through a response.")
                    .citing("https://learn.microsoft.com/azure/ai-foundry/", "Azure AI Foundry docs"));

            Run run = run(azureEnv(azure), "--only", "grounded", "--agent-service", "responses");

            assertThat(run.status()).as(run.out()).isZero();
            assertThat(run.out()).contains("answer:     Grounded through a response.");
            List<String> paths = azure.journal().all().stream().map(r -> r.path()).toList();
            assertThat(paths).anySatisfy(p -> assertThat(p).endsWith("/agents"))
                    .anySatisfy(p -> assertThat(p).endsWith("/openai/v1/responses"))
                    .noneSatisfy(p -> assertThat(p).contains("/assistants"));
        }
    }

    /** Runs the grounded step alone on configured endpoints lacking one variable; nothing may reach the service. */
    private static Run groundedWithout(String variable) {
        try (FakeFoundry azure = FakeFoundry.start()) {
            Map<String, String> env = azureEnv(azure);
            env.remove(variable);

            Run run = run(env, "--only", "grounded");

            assertThat(run.status()).isZero();
            assertThat(azure.journal().count()).isZero();
            return run;
        }
    }

    @Test
    void withoutProjectEndpointTheGroundedStepExplainsWhatToSetInsteadOfFailing() {
        assertThat(groundedWithout(FoundryEnv.PROJECT_ENDPOINT).out()).doesNotContain("FAILED")
                .contains("skipped: Invalid foundry-agents configuration: PROJECT_ENDPOINT is required for grounded"
                        + " agents: set it to the Foundry project"
                        + " endpoint, e.g. https://my-resource.services.ai.azure.com/api/projects/my-project"
                        + " (Terraform output project_endpoint)");
    }

    @Test
    void withoutBingConnectionTheGroundedStepExplainsWhatToSet() {
        assertThat(groundedWithout(FoundryEnv.BING_CONNECTION_ID).out()).doesNotContain("FAILED")
                .contains("skipped: set BING_CONNECTION_ID to the id of your project's Grounding with Bing Search"
                        + " connection (Terraform output bing_connection_id)");
    }
}
