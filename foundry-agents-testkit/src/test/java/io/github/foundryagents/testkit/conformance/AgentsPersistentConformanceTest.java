package io.github.foundryagents.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.ai.agents.persistent.PersistentAgentsAdministrationClient;
import com.azure.ai.agents.persistent.PersistentAgentsClient;
import com.azure.ai.agents.persistent.PersistentAgentsClientBuilder;
import com.azure.ai.agents.persistent.PersistentAgentsServiceVersion;
import com.azure.ai.agents.persistent.models.BingGroundingSearchConfiguration;
import com.azure.ai.agents.persistent.models.BingGroundingSearchToolParameters;
import com.azure.ai.agents.persistent.models.BingGroundingToolDefinition;
import com.azure.ai.agents.persistent.models.CreateAgentOptions;
import com.azure.ai.agents.persistent.models.CreateRunOptions;
import com.azure.ai.agents.persistent.models.ListSortOrder;
import com.azure.ai.agents.persistent.models.MessageRole;
import com.azure.ai.agents.persistent.models.MessageTextContent;
import com.azure.ai.agents.persistent.models.MessageTextUrlCitationAnnotation;
import com.azure.ai.agents.persistent.models.PersistentAgent;
import com.azure.ai.agents.persistent.models.PersistentAgentThread;
import com.azure.ai.agents.persistent.models.RunStatus;
import com.azure.ai.agents.persistent.models.StreamUpdate;
import com.azure.ai.agents.persistent.models.ThreadMessage;
import com.azure.ai.agents.persistent.models.ThreadRun;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.FakeTokenCredential;
import io.github.foundryagents.testkit.LoopbackHttpClient;
import io.github.foundryagents.testkit.agents.FakeAgentService;
import io.github.foundryagents.testkit.agents.RunScript;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's azure-ai-agents-persistent client drives the fake Agent Service through a URL-rewriting HttpClient:
 * agent with the Bing tool, thread, message, run, polling, messages with url citations, streaming, clean-up.
 */
class AgentsPersistentConformanceTest {

    private static FakeFoundry fake;

    @BeforeAll
    static void start() {
        fake = FakeFoundry.start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    private static PersistentAgentsClient client() {
        return new PersistentAgentsClientBuilder()
                .endpoint("https://fake-foundry.services.ai.azure.com" + FakeAgentService.projectPath())
                .credential(new FakeTokenCredential("sdk-token"))
                .httpClient(new LoopbackHttpClient(fake.endpoint()))
                .serviceVersion(PersistentAgentsServiceVersion.V2025_05_01)
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)))
                .buildClient();
    }

    private static PersistentAgent bingAgent(PersistentAgentsAdministrationClient admin) {
        BingGroundingSearchConfiguration search = new BingGroundingSearchConfiguration(fake.agents().bingConnectionId())
                .setCount(5L).setFreshness("Week").setMarket("en-US").setSetLang("en");
        return admin.createAgent(new CreateAgentOptions("gpt-4o").setName("sdk-agent")
                .setInstructions("Cite your sources.")
                .setTools(List.of(new BingGroundingToolDefinition(new BingGroundingSearchToolParameters(
                        List.of(search))))));
    }

    @Test
    void createsAnAgentWithBingRunsPollsAndReadsCitations() throws InterruptedException {
        PersistentAgentsClient sdk = client();
        fake.agents().enqueue(RunScript.answer("Florida won.").citing("https://ncaa.com/final", "NCAA final")
                .withUsage(612, 25));

        PersistentAgent agent = bingAgent(sdk.getPersistentAgentsAdministrationClient());
        PersistentAgentThread thread = sdk.getThreadsClient().createThread();
        sdk.getMessagesClient().createMessage(thread.getId(), MessageRole.USER, "Who won the 2025 final?");
        ThreadRun run = sdk.getRunsClient().createRun(new CreateRunOptions(thread.getId(), agent.getId()));
        while (run.getStatus() == RunStatus.QUEUED || run.getStatus() == RunStatus.IN_PROGRESS) {
            Thread.sleep(20);
            run = sdk.getRunsClient().getRun(thread.getId(), run.getId());
        }
        List<ThreadMessage> messages = sdk.getMessagesClient().listMessages(thread.getId(), null, 10,
                ListSortOrder.DESCENDING, null, null).stream().collect(Collectors.toList());

        assertThat(agent.getId()).startsWith("asst_");
        assertThat(agent.getTools()).singleElement().isInstanceOf(BingGroundingToolDefinition.class);
        assertThat(run.getStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.getUsage().getTotalTokens()).isEqualTo(637);
        assertThat(run.getCompletedAt()).isNotNull();
        assertThat(messages).hasSize(2);
        ThreadMessage answer = messages.get(0);
        assertThat(answer.getRole()).isEqualTo(MessageRole.AGENT);
        assertThat(answer.getRunId()).isEqualTo(run.getId());
        MessageTextContent text = (MessageTextContent) answer.getContent().get(0);
        assertThat(text.getText().getValue()).startsWith("Florida won.");
        MessageTextUrlCitationAnnotation citation = (MessageTextUrlCitationAnnotation) text.getText().getAnnotations()
                .get(0);
        assertThat(citation.getUrlCitation().getUrl()).isEqualTo("https://ncaa.com/final");
        assertThat(citation.getUrlCitation().getTitle()).isEqualTo("NCAA final");
        assertThat(text.getText().getValue().substring(citation.getStartIndex(), citation.getEndIndex()))
                .isEqualTo(citation.getText());
        assertThat(fake.journal().last().header("authorization")).contains("Bearer sdk-token");

        sdk.getThreadsClient().deleteThread(thread.getId());
        sdk.getPersistentAgentsAdministrationClient().deleteAgent(agent.getId());
        assertThat(fake.agents().liveConversations()).isZero();
        assertThat(fake.agents().agentCount()).isZero();
    }

    @Test
    void streamsARunUntilItCompletes() {
        PersistentAgentsClient sdk = client();
        PersistentAgent agent = bingAgent(sdk.getPersistentAgentsAdministrationClient());
        PersistentAgentThread thread = sdk.getThreadsClient().createThread();
        sdk.getMessagesClient().createMessage(thread.getId(), MessageRole.USER, "Stream it");

        List<StreamUpdate> updates = sdk.getRunsClient().createRunStreaming(new CreateRunOptions(thread.getId(),
                agent.getId())).collect(Collectors.toList());

        assertThat(updates).extracting(u -> u.getKind().toString()).startsWith("thread.run.created")
                .contains("thread.message.completed").endsWith("thread.run.completed");
    }

    @Test
    void listsAgentsInTheServicesEnvelope() {
        PersistentAgentsClient sdk = client();
        bingAgent(sdk.getPersistentAgentsAdministrationClient());
        bingAgent(sdk.getPersistentAgentsAdministrationClient());

        assertThat(sdk.getPersistentAgentsAdministrationClient().listAgents().stream().count()).isEqualTo(2);
    }
}
