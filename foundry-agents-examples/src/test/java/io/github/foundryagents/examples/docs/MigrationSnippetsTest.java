package io.github.foundryagents.examples.docs;

import static io.github.foundryagents.examples.docs.AgentsSnippets.fetchExternalData;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.CompletionOptions;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.Citation;
import io.github.foundryagents.core.grounding.GroundedAgent;
import io.github.foundryagents.core.grounding.GroundedAnswer;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.core.tasks.AgentTaskRunners;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.InMemoryTaskQueue;
import io.github.foundryagents.core.tasks.InMemoryTaskStore;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.core.tasks.TaskStore;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.usage.UsageLimitExceededException;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.usage.UsageTotals;
import io.github.foundryagents.redis.RedisConnections;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.redis.store.RedisTaskStore;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.ScriptedConversation;
import io.github.foundryagents.testkit.ScriptedToolCall;
import io.github.foundryagents.testkit.WithFakeFoundry;
import io.github.foundryagents.testkit.agents.RunScript;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Java side of docs/migration.md, run against the fake where it can; DocSnippetsTest checks the page's text.
 * Each test starts from a builder pointed at the fake where the page starts from {@code AgentClient.builder()}.
 */
@WithFakeFoundry
class MigrationSnippetsTest {

    static AgentClient client() {
        // snippet: migration#client
        // AZURE_OPENAI_ENDPOINT, AZURE_CLIENT_ID, AZURE_OPENAI_DEPLOYMENT_GPT4, AZURE_OPENAI_DEPLOYMENT_GPT4_MINI
        AgentClient client = AgentClient.builder().build();   // build once; thread-safe; validated on build
        // end-snippet
        return client;
    }

    @Test
    void completionWithRetry(FakeFoundry fake) {
        AgentClient.Builder builder = fake.clientBuilder();
        fake.chat().enqueue(Reply.serverError(), Reply.text("Paris."));

        // snippet: migration#completion
        AgentClient client = builder
                .retryPolicy(RetryPolicy.builder().maxRetries(5).baseDelay(Duration.ofSeconds(2)).build())
                .build();                                      // every call retried: no wrapper to forget

        String answer = client.complete("What is the capital of France?", CompletionOptions.builder()
                .systemPrompt("Answer in one word.")
                .deployment("gpt4")                            // the TypeScript model: 'gpt4' | 'gpt4Mini'
                .maxTokens(1000).temperature(0.7)              // generateCompletion's defaults, also ours
                .build());
        // end-snippet

        assertThat(answer).isEqualTo("Paris.");
        assertThat(fake.journal().chatRequests()).hasSize(2);
    }

    @Test
    void runAgent(FakeFoundry fake, AgentClient client) {
        fake.chat().respondWith(ScriptedConversation.create()
                .thenToolCalls(ScriptedToolCall.of("search_database", "{\"query\":\"late orders\"}"))
                .thenText("One late order: A-17."));
        String userMessage = "Which orders are late?";
        String context = "The user is an account manager.";

        // snippet: migration#agent
        Agent agent = client.agent()                           // build once, run many times
                .tools(new OrderTools(), fetchExternalData)    // search_database, fetch_external_data
                .build();                                      // gpt4, 10 iterations, the guidance's system prompt
        String answer = agent.run(userMessage, context).answer();
        // end-snippet

        assertThat(answer).isEqualTo("One late order: A-17.");
        assertThat(fake.journal().last().toolResults()).singleElement()
                .satisfies(r -> assertThat(r.content()).contains("A-17"));
    }

    @Test
    void azureAgentService(FakeFoundry fake, AgentClient client) {
        fake.agents().enqueue(RunScript.answer("Florida won.").citing("https://ncaa.com", "NCAA final")
                .withUsage(900, 40));
        String bingConnectionId = fake.agents().bingConnectionId();

        // snippet: migration#grounded
        GroundedAgent agent = client.groundedAgent()          // PROJECT_ENDPOINT, MODEL_DEPLOYMENT_NAME
                .name("news")
                .instructions("Answer briefly and cite your sources.")
                .bing(BingGrounding.connection(bingConnectionId).count(20))   // a malformed id fails here
                .verifyConnection(true)                        // and the project must have the connection
                .temperature(0.2)
                .create();
        GroundedAnswer answer = agent.ask("Who won the 2025 NCAA basketball championship?");
        answer.content();                                      // text, citation markers kept
        answer.citations();                                    // title and url of each Bing source
        answer.usage();                                        // prompt, completion, total tokens
        agent.delete();
        // end-snippet

        assertThat(answer.content()).contains("Florida won.");
        assertThat(answer.citations()).extracting(Citation::url).containsExactly("https://ncaa.com");
        assertThat(answer.usage().totalTokens()).isEqualTo(940);
        assertThat(fake.agents().liveConversations()).isZero();
        assertThat(fake.agents().agentCount()).isZero();
    }

    static TaskQueue bullMqQueue() {
        // snippet: migration#redis-queue
        RedisClient redis = RedisConnections.fromEnvironment();                 // REDIS_URL
        TaskQueue queue = RedisTaskQueue.builder().client(redis).queue("agent-tasks").build();   // BullMQ's keys
        TaskStore store = RedisTaskStore.create(redis);                          // or JDBC with the starter
        // end-snippet
        return queue;
    }

    @Test
    void bullMqQueueAndWorker(FakeFoundry fake, AgentClient client) throws Exception {
        fake.chat().enqueue(Reply.text("Three competitors matter."));
        TaskQueue queue = new InMemoryTaskQueue("migration");
        TaskStore store = new InMemoryTaskStore();
        Agent agent = client.agent().build();
        JsonNode context = JsonNodeFactory.instance.objectNode().put("region", "EU");

        // snippet: migration#tasks
        AgentTaskService tasks = AgentTaskService.builder()
                .queue(queue).store(store)                     // attempts 3, exponential 5 s, keep 1000 / 5000
                .runner(AgentTaskRunners.toolAgent(agent))     // the worker's runAgent call, tokens counted
                .build();
        Worker worker = tasks.startWorker(WorkerOptions.defaults());   // concurrency 5, 10 jobs per minute

        String taskId = tasks.submit("user-42", Tier.PREMIUM, "Research our competitors", context, null);
        Optional<TaskRecord> task = tasks.get("user-42", taskId);      // owner-scoped, like the GET route
        // end-snippet

        try (worker) {
            TaskRecord done = task.orElseThrow();
            for (long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    System.nanoTime() < end && done.status() != TaskStatus.COMPLETED; Thread.sleep(50)) {
                done = tasks.get("user-42", taskId).orElseThrow();
            }
            assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(done.result()).isEqualTo("Three competitors matter.");
            assertThat(done.usage().totalTokens()).isPositive();
            assertThat(tasks.get("someone-else", taskId)).isEmpty();
        }
    }

    @Test
    void modelRouter(FakeFoundry fake) {
        AgentClient.Builder builder = fake.clientBuilder();

        // snippet: migration#router
        AgentClient client = builder.router(ModelRouter.defaults()).build();   // simple, moderate: gpt4-mini; complex: gpt4

        ChatResponse quick = client.chat(ChatRequest.of("Translate 'good morning' to French"));
        ChatResponse deep = client.chat(ChatRequest.of("Debug this stack trace for me"));
        quick.deployment();                                    // gpt-4o-mini
        deep.deployment();                                     // gpt-4o ("debug" is a keyword)
        // end-snippet

        assertThat(quick.deployment()).isEqualTo("gpt-4o-mini");
        assertThat(deep.deployment()).isEqualTo("gpt-4o");
        assertThat(client.chat(ChatRequest.of("Is this reasonable?")).deployment())
                .as("whole words only: 'reasonable' is not 'reason'").isEqualTo("gpt-4o-mini");
    }

    @Test
    void responseCache(FakeFoundry fake) {
        AgentClient.Builder builder = fake.clientBuilder();

        // snippet: migration#cache
        AgentClient client = builder.cache(CacheOptions.builder().ttl(Duration.ofHours(1)).build()).build();

        ChatRequest question = ChatRequest.builder().user("Summarise our refund policy").cacheable(true).build();
        client.chat(question);                                                  // asks Azure
        client.chat(question).cached();                                         // true: same deployment and body
        client.chat(question.toBuilder().deployment("gpt4").build()).cached();  // false: another model
        client.chat(question.toBuilder().temperature(0.0).build()).cached();    // false: other parameters
        // end-snippet

        assertThat(client.chat(question).cached()).isTrue();
        assertThat(client.chat(question.toBuilder().deployment("gpt4").build()).cached()).isTrue();
        assertThat(fake.journal().chatRequests()).extracting(r -> r.deployment())
                .containsExactly("gpt-4o-mini", "gpt-4o", "gpt-4o-mini");
    }

    @Test
    void usageTracking(FakeFoundry fake) {
        AgentClient.Builder builder = fake.clientBuilder();
        fake.chat().enqueue(Reply.text("ok").withUsage(400, 100), Reply.text("ok").withUsage(400, 100));

        // snippet: migration#usage
        AgentClient client = builder.usage(UsageOptions.builder()
                        .monthlyTokenLimit(1_000)                              // checked before every call
                        .quotaZone(ZoneId.of("Europe/Berlin"))                 // when "the 1st" starts
                        .build())
                .build();

        client.complete("Hi", CompletionOptions.builder().userId("alice").build());    // recorded by itself
        UsageTotals month = client.usage().orElseThrow().usageThisMonth("alice");     // calls, tokens, cost
        // end-snippet

        assertThat(month.calls()).isEqualTo(1);
        assertThat(month.tokens().totalTokens()).isEqualTo(500);
        client.complete("Hi again", CompletionOptions.builder().userId("alice").build());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> client.complete("Once more", CompletionOptions.builder().userId("alice").build())))
                .isInstanceOf(UsageLimitExceededException.class);
        assertThat(fake.journal().chatRequests()).hasSize(2);
    }
}
