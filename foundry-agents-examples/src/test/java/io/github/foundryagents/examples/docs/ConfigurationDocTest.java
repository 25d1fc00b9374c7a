package io.github.foundryagents.examples.docs;

import static io.github.foundryagents.examples.docs.ConfigurationPage.human;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.CompletionOptions;
import io.github.foundryagents.core.agent.Agent;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.config.Deployments;
import io.github.foundryagents.core.config.FoundryConfig;
import io.github.foundryagents.core.config.FoundryEnv;
import io.github.foundryagents.core.grounding.AskOptions;
import io.github.foundryagents.core.grounding.BingGrounding;
import io.github.foundryagents.core.grounding.GroundedAgentBuilder;
import io.github.foundryagents.core.grounding.WaitStrategy;
import io.github.foundryagents.core.resilience.PacingOptions;
import io.github.foundryagents.core.resilience.RetryPolicy;
import io.github.foundryagents.core.routing.Complexity;
import io.github.foundryagents.core.routing.KeywordComplexityClassifier;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.core.routing.SpillOver;
import io.github.foundryagents.core.tasks.JobOptions;
import io.github.foundryagents.core.tasks.TaskQueue;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.tools.ToolRegistry;
import io.github.foundryagents.core.usage.CostTable;
import io.github.foundryagents.core.usage.UsageOptions;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.redis.RedisConnections;
import io.github.foundryagents.redis.queue.RedisTaskQueue;
import io.github.foundryagents.testkit.FakeFoundry;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} in step with the code: every public option of every configuration builder
 * (found by scanning the library's jars, so a new builder is noticed too), every environment variable the library
 * reads, the defaults the code defines, and every {@code foundry.agents.*} name the page mentions. The comparison
 * itself lives in {@link ConfigurationPage}; {@link ConfigurationPageTest} shows it failing on doctored pages.
 */
class ConfigurationDocTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/configuration.md");
    private static final Path SPRING_PAGE = ROOT.resolve("docs/spring.md");
    private static final List<String> LIBRARY_MODULES = List.of("foundry-agents-core", "foundry-agents-redis-queue",
            "foundry-agents-spring-starter", "foundry-agents-testkit");

    /** Builders that describe one call or a test fixture rather than configuration, and where they are documented. */
    private static final Map<Class<?>, String> DOCUMENTED_ELSEWHERE = Map.of(
            ChatRequest.Builder.class, "one chat call: docs/chat.md",
            ChatResponse.Builder.class, "an answer, built by transports and tests: docs/chat.md",
            FakeFoundry.Builder.class, "the fake Azure in tests: docs/testkit.md");

    /** Configured with fluent copies rather than a builder class. */
    private static final List<Class<?>> FLUENT_OPTIONS = List.of(BingGrounding.class,
            WaitStrategy.AdaptivePolling.class);

    @Test
    void everyBuilderOptionIsOnThePageAndEveryOptionOnThePageExists() throws IOException {
        ConfigurationPage page = page();
        List<Class<?>> configured = configurationClasses();
        assertThat(configured).as("builders found in the library's jars").contains(AgentClient.Builder.class,
                RetryPolicy.Builder.class, RedisTaskQueue.Builder.class, GroundedAgentBuilder.class);
        assertThat(page.layoutProblems()).as("docs/configuration.md layout").isEmpty();
        assertThat(page.optionProblems(configured)).as("docs/configuration.md vs the builders").isEmpty();
    }

    @Test
    void everyEnvironmentVariableTheLibraryReadsIsOnThePage() throws IOException {
        assertThat(page().environmentProblems(environmentVariables()))
                .as("docs/configuration.md vs the environment variables").isEmpty();
    }

    @Test
    void theDefaultsOnThePageAreTheCodes() throws IOException {
        assertThat(page().defaultProblems(defaults())).as("docs/configuration.md defaults").isEmpty();
    }

    @Test
    void propertiesNamedOnThePageExistAndThePageLinksToTheReference() throws IOException {
        Set<String> known = springProperties();
        assertThat(known).as("properties in the generated reference of docs/spring.md").hasSizeGreaterThan(50);
        assertThat(page().propertyProblems(known)).as("docs/configuration.md property names").isEmpty();
        assertThat(Files.readString(PAGE)).contains("(spring.md#property-reference)");
        assertThat(Files.readString(SPRING_PAGE)).contains("\n## Property reference\n");
    }

    /** The builders in the library's jars (public classes named *Builder) plus the fluent option classes. */
    static List<Class<?>> configurationClasses() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Class<?> anchor : List.of(AgentClient.class, RedisTaskQueue.class, FakeFoundry.class)) {
            names.addAll(classNames(anchor));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (!name.endsWith("Builder")) {
                continue;
            }
            Class<?> type = load(name);
            if (isPublicApi(type) && !DOCUMENTED_ELSEWHERE.containsKey(type)) {
                classes.add(type);
            }
        }
        classes.addAll(FLUENT_OPTIONS);
        return classes;
    }

    private static boolean isPublicApi(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> classNames(Class<?> anchor) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(location)) {
            return classNames(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classNames(jar.getPath("/"));
        }
    }

    private static Set<String> classNames(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class") && p.startsWith("io/github/foundryagents/"))
                    .forEach(p -> names.add(p.substring(0, p.length() - 6).replace('/', '.')));
        }
        return names;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationDocTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The constants of {@link FoundryEnv} and {@link RedisConnections#REDIS_URL}, and any string literal passed to
     * {@code System.getenv} in a library module's main sources; a constant passed there must be one of those.
     */
    static Set<String> environmentVariables() throws IOException {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Field f : FoundryEnv.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.put(f.getName(), value(f));
            }
        }
        constants.put("REDIS_URL", RedisConnections.REDIS_URL);
        Set<String> variables = new TreeSet<>(constants.values());
        Pattern getenv = Pattern.compile("System\\.getenv\\(\\s*([^)]*?)\\s*\\)");
        List<String> unknown = new ArrayList<>();
        for (String module : LIBRARY_MODULES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String code = line.strip();
                        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                            continue;
                        }
                        Matcher m = getenv.matcher(code);
                        while (m.find()) {
                            String arg = m.group(1);
                            String constant = arg.substring(arg.lastIndexOf('.') + 1);
                            if (arg.startsWith("\"")) {
                                variables.add(arg.replace("\"", ""));
                            } else if (!arg.isEmpty() && !constants.containsKey(constant)) {
                                unknown.add(ROOT.relativize(file) + ": System.getenv(" + arg + ")");
                            }
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("environment variables read through constants this test does not know").isEmpty();
        return variables;
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The defaults the code defines, read from default-built objects where they expose them, else constants. */
    static Map<String, List<String>> defaults() {
        Map<String, List<String>> d = new LinkedHashMap<>();
        FoundryConfig config = FoundryConfig.fromMap(Map.of(FoundryEnv.AZURE_OPENAI_ENDPOINT,
                "https://my-resource.openai.azure.com"));
        List<String> aliases = List.of(Deployments.GPT4 + ": " + config.deployments().resolve(Deployments.GPT4),
                Deployments.GPT4_MINI + ": " + config.deployments().resolve(Deployments.GPT4_MINI));
        d.put("env:" + FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4, List.of(config.deployments().resolve(Deployments.GPT4)));
        d.put("env:" + FoundryEnv.AZURE_OPENAI_DEPLOYMENT_GPT4_MINI,
                List.of(config.deployments().resolve(Deployments.GPT4_MINI)));
        d.put("env:" + FoundryEnv.AZURE_OPENAI_API_VERSION, List.of(config.apiVersion()));
        d.put("env:" + FoundryEnv.MODEL_DEPLOYMENT_NAME, List.of(config.modelDeploymentName()));
        d.put("env:" + FoundryEnv.FOUNDRY_AGENT_SERVICE, List.of(config.agentService().settingValue()));

        String client = AgentClient.Builder.class.getName() + "#";
        d.put(client + "deployment(String, String)", aliases);
        d.put(client + "apiVersion(String)", List.of(config.apiVersion()));
        d.put(client + "pathStyle(PathStyle)", List.of(config.pathStyle().name()));
        String foundry = FoundryConfig.Builder.class.getName() + "#";
        d.put(foundry + "deployment(String, String)", aliases);
        d.put(foundry + "apiVersion(String)", List.of(config.apiVersion()));
        d.put(foundry + "pathStyle(PathStyle)", List.of(config.pathStyle().name()));
        d.put(foundry + "modelDeploymentName(String)", List.of(config.modelDeploymentName()));
        d.put(foundry + "agentService(AgentServiceGeneration)", List.of(config.agentService().settingValue()));
        d.put(foundry + "allowNonAzureHost(boolean)", List.of(String.valueOf(config.allowNonAzureHost())));

        RetryPolicy retry = RetryPolicy.defaults();
        String r = RetryPolicy.Builder.class.getName() + "#";
        d.put(r + "maxRetries(int)", List.of(String.valueOf(retry.maxRetries())));
        d.put(r + "baseDelay(Duration)", List.of(human(retry.baseDelay())));
        d.put(r + "maxDelay(Duration)", List.of(human(retry.maxDelay())));
        d.put(r + "timeout(Duration)", List.of(human(retry.timeout())));

        PacingOptions pacing = PacingOptions.learning();
        String p = PacingOptions.Builder.class.getName() + "#";
        d.put(p + "enabled(boolean)", List.of(String.valueOf(pacing.enabled())));
        d.put(p + "window(Duration)", List.of(human(pacing.window())));
        d.put(p + "reserveWithoutMaxTokens(int)", List.of(String.valueOf(pacing.reserveWithoutMaxTokens())));
        d.put(p + "requestsPerMinute(String, long)", List.of(String.valueOf(PacingOptions.RPM_PER_1000_TPM)));

        ModelRouter router = ModelRouter.defaults();
        d.put(ModelRouter.Builder.class.getName() + "#route(Complexity, String)", Arrays.stream(Complexity.values())
                .map(c -> c.name() + ": " + router.target(c)).toList());
        String k = KeywordComplexityClassifier.Builder.class.getName() + "#";
        d.put(k + "keywords(List)", List.of(String.join(", ", KeywordComplexityClassifier.builder().build().keywords())));
        d.put(k + "wordLimits(int, int)", List.of(KeywordComplexityClassifier.DEFAULT_MODERATE_WORDS + ", "
                + KeywordComplexityClassifier.DEFAULT_COMPLEX_WORDS));
        d.put(SpillOver.Builder.class.getName() + "#maxWait(Duration)", List.of(human(SpillOver.DEFAULT_MAX_WAIT)));

        CacheOptions cache = CacheOptions.defaults();
        String c = CacheOptions.Builder.class.getName() + "#";
        d.put(c + "maximumSize(long)", List.of(String.valueOf(cache.maximumSize())));
        d.put(c + "ttl(Duration)", List.of(human(cache.ttl())));
        d.put(c + "cacheTemperatureZero(boolean)", List.of(String.valueOf(cache.cacheTemperatureZero())));
        d.put(c + "scopePerUser(boolean)", List.of(String.valueOf(cache.scopePerUser())));

        UsageOptions usage = UsageOptions.defaults();
        String u = UsageOptions.Builder.class.getName() + "#";
        String limit = usage.monthlyTokenLimit().isPresent() ? "a limit" : "none";
        d.put(u + "monthlyTokenLimit(long)", List.of(limit));
        d.put(u + "monthlyTokenLimit(ToLongFunction)", List.of(limit));
        d.put(u + "quotaZone(ZoneId)", List.of(usage.quotaZone().equals(ZoneOffset.UTC) ? "UTC"
                : usage.quotaZone().getId()));
        d.put(CostTable.Builder.class.getName() + "#currency(String)", List.of(CostTable.defaults().currency()));

        CompletionOptions completion = CompletionOptions.defaults();
        String o = CompletionOptions.Builder.class.getName() + "#";
        d.put(o + "deployment(String)", List.of(completion.deployment()));
        d.put(o + "maxTokens(int)", List.of(String.valueOf(completion.maxTokens())));
        d.put(o + "temperature(double)", List.of(String.valueOf(completion.temperature())));

        String a = Agent.Builder.class.getName() + "#";
        d.put(a + "maxIterations(int)", List.of(String.valueOf(Agent.DEFAULT_MAX_ITERATIONS)));
        d.put(a + "toolTimeout(Duration)", List.of(human(Agent.DEFAULT_TOOL_TIMEOUT)));
        d.put(ToolRegistry.Builder.class.getName() + "#strict(boolean)",
                List.of(String.valueOf(ToolRegistry.builder().build().strict())));

        String g = GroundedAgentBuilder.class.getName() + "#";
        d.put(g + "maxToolRounds(int)", List.of(String.valueOf(GroundedAgentBuilder.DEFAULT_MAX_TOOL_ROUNDS)));
        d.put(g + "bing(BingGrounding)", List.of(String.valueOf(GroundedAgentBuilder.DEFAULT_BING_COUNT)));
        d.put(g + "deployment(String)", List.of(config.modelDeploymentName()));
        d.put(BingGrounding.class.getName() + "#count(int)",
                List.of(String.valueOf(GroundedAgentBuilder.DEFAULT_BING_COUNT)));
        WaitStrategy.AdaptivePolling adaptive = WaitStrategy.adaptivePolling();
        String w = WaitStrategy.AdaptivePolling.class.getName() + "#";
        d.put(w + "withFirstPoll(Duration)", List.of(human(adaptive.firstPoll())));
        d.put(w + "withGrowth(double)", List.of(String.valueOf(adaptive.growth())));
        d.put(w + "withMaxInterval(Duration)", List.of(human(adaptive.maxInterval())));
        d.put(w + "withPollCost(double)", List.of(String.valueOf(adaptive.pollCost())));
        d.put(w + "withBudget(PollBudget)", List.of(String.valueOf(adaptive.budget().perMinute())));
        d.put(AskOptions.Builder.class.getName() + "#timeout(Duration)", List.of(human(AskOptions.defaults().timeout())));

        d.put("io.github.foundryagents.core.tasks.AgentTaskService$Builder#maxInputBytes(int)",
                List.of(String.valueOf(TaskQueue.DEFAULT_MAX_PAYLOAD_BYTES)));
        JobOptions job = JobOptions.defaults();
        String j = JobOptions.Builder.class.getName() + "#";
        d.put(j + "priority(int)", List.of(String.valueOf(job.priority())));
        d.put(j + "delay(Duration)", List.of(human(job.delay())));
        d.put(j + "attempts(int)", List.of(String.valueOf(job.attempts())));
        d.put(j + "backoff(Backoff)", List.of(job.backoff().orElseThrow().type().name().toLowerCase(),
                human(job.backoff().orElseThrow().delay())));
        d.put(j + "removeOnComplete(KeepJobs)", List.of(String.valueOf(job.removeOnComplete().count())));
        d.put(j + "removeOnFail(KeepJobs)", List.of(String.valueOf(job.removeOnFail().count())));
        d.put(j + "lifo(boolean)", List.of(String.valueOf(job.lifo())));
        WorkerOptions worker = WorkerOptions.defaults();
        String wo = WorkerOptions.Builder.class.getName() + "#";
        d.put(wo + "concurrency(int)", List.of(String.valueOf(worker.concurrency())));
        d.put(wo + "limiter(RateLimit)", List.of(String.valueOf(worker.limiter().orElseThrow().max()),
                human(worker.limiter().orElseThrow().duration())));
        d.put(wo + "lockDuration(Duration)", List.of(human(worker.lockDuration())));
        d.put(wo + "stalledInterval(Duration)", List.of(human(worker.stalledInterval())));
        d.put(wo + "maxStalledCount(int)", List.of(String.valueOf(worker.maxStalledCount())));
        d.put(wo + "drainDelay(Duration)", List.of(human(worker.drainDelay())));
        String q = RedisTaskQueue.Builder.class.getName() + "#";
        d.put(q + "prefix(String)", List.of(RedisTaskQueue.DEFAULT_PREFIX));
        d.put(q + "maxPayloadBytes(int)", List.of(String.valueOf(TaskQueue.DEFAULT_MAX_PAYLOAD_BYTES)));
        String h = WebhookNotifier.Builder.class.getName() + "#";
        d.put(h + "timeout(Duration)", List.of(human(WebhookNotifier.DEFAULT_TIMEOUT)));
        d.put(h + "retry(RetryPolicy)", List.of(String.valueOf(WebhookNotifier.DEFAULT_RETRY.maxRetries()),
                human(WebhookNotifier.DEFAULT_RETRY.baseDelay())));
        return d;
    }

    /** The property names of the generated reference in docs/spring.md (which PropertyReferenceTest keeps equal to the metadata). */
    static Set<String> springProperties() throws IOException {
        String spring = Files.readString(SPRING_PAGE);
        int start = spring.indexOf("<!-- properties:start");
        int end = spring.indexOf("<!-- properties:end -->");
        assertThat(start).as("docs/spring.md has the generated property table").isNotNegative();
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `(foundry\\.agents\\.[^`]+)`", Pattern.MULTILINE)
                .matcher(spring.substring(start, end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static ConfigurationPage page() throws IOException {
        return ConfigurationPage.parse(Files.readString(PAGE));
    }
}
