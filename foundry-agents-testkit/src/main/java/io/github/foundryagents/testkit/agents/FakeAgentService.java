package io.github.foundryagents.testkit.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.testkit.FakeExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The fake Foundry Agent Service inside a {@link io.github.foundryagents.testkit.FakeFoundry}: one project,
 * {@value #PROJECT}, under {@code /api/projects/}, speaking both service generations with their JSON shapes, list
 * envelopes, paging, streaming and errors: the classic assistants/threads/runs API, and the new one (versioned
 * agents under {@code /agents}, conversations and responses under {@code /openai/v1}); plus the project
 * connections API.
 *
 * <p>Runs move {@code queued → in_progress → (requires_action →) terminal} over a duration in service time (default
 * {@link #DEFAULT_RUN_DURATION}) multiplied by the {@link #timeScale(double) time scale} (default
 * {@value #DEFAULT_TIME_SCALE}, so tests are quick). Each run follows the next {@link RunScript} enqueued, or
 * completes with a default answer. Like the real service, an agent whose Bing connection id does not name one of
 * this project's connections ({@link #bingConnectionId()} is the default one) completes <em>without</em>
 * grounding, silently. Thread-safe.
 */
public final class FakeAgentService {

    /** The fake project's name. */
    public static final String PROJECT = "fake-project";
    /** Subscription of the fake project's resource ids. */
    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    /** Name of the Bing connection every fake project has. */
    public static final String BING_CONNECTION = "bing-grounding";
    /** Run duration in service time when neither the script nor {@link #runDuration} says otherwise. */
    public static final Duration DEFAULT_RUN_DURATION = Duration.ofSeconds(10);
    /** Real time per unit of service time by default: a 10 s run takes 100 ms. */
    public static final double DEFAULT_TIME_SCALE = 0.01;

    static final String PROJECT_PREFIX = "/api/projects/";
    private static final String PROJECT_ID = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-fake/providers/"
            + "Microsoft.CognitiveServices/accounts/fake-foundry/projects/" + PROJECT;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-agent-service-clock");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private final Deque<RunScript> scripts = new ArrayDeque<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final Map<String, ObjectNode> connections = new ConcurrentHashMap<>();
    private final List<FakeRun> history = new CopyOnWriteArrayList<>();
    private final ClassicApi classic = new ClassicApi(this);
    private final V2Agents v2Agents = new V2Agents();
    private final ResponsesApi responses = new ResponsesApi(this, v2Agents);
    private volatile Supplier<Duration> durations = () -> DEFAULT_RUN_DURATION;
    private volatile double timeScale = DEFAULT_TIME_SCALE;
    private final java.util.concurrent.atomic.AtomicInteger streamsToDrop = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int dropAfter;

    /** Creates the fake service; {@link io.github.foundryagents.testkit.FakeFoundry} does this. */
    public FakeAgentService() {
        addConnection(BING_CONNECTION);
    }

    /** @return the path of the fake project, {@code /api/projects/fake-project}; append it to the fake's endpoint */
    public static String projectPath() {
        return PROJECT_PREFIX + PROJECT;
    }

    /** @return the connection id of the project's Bing connection, valid for grounding */
    public String bingConnectionId() {
        return PROJECT_ID + "/connections/" + BING_CONNECTION;
    }

    /**
     * @param name a connection to add to the project (type {@code GroundingWithBingSearch})
     * @return its connection id
     */
    public String addConnection(String name) {
        String id = PROJECT_ID + "/connections/" + name;
        ObjectNode c = Json.object().put("name", name).put("id", id).put("type", "GroundingWithBingSearch")
                .put("target", "https://api.bing.microsoft.com/").put("isDefault", true);
        c.putObject("credentials").put("type", "ApiKey");
        c.putObject("metadata");
        connections.put(name, c);
        return id;
    }

    /**
     * @param next what the next runs do, in order
     * @return this service
     */
    public synchronized FakeAgentService enqueue(RunScript... next) {
        for (RunScript s : next) {
            scripts.add(Objects.requireNonNull(s, "script"));
        }
        return this;
    }

    /**
     * @param duration how long runs take in service time when their script does not say
     * @return this service
     */
    public FakeAgentService runDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return runDurations(() -> duration);
    }

    /**
     * @param source draws each run's duration in service time, e.g. uniformly from 10 to 60 s for benchmarks
     * @return this service
     */
    public FakeAgentService runDurations(Supplier<Duration> source) {
        this.durations = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * @param scale real time per unit of service time: 1 for real time, 0.01 (default) for tests
     * @return this service
     */
    public FakeAgentService timeScale(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("time scale must be positive, got " + scale);
        }
        this.timeScale = scale;
        return this;
    }

    /**
     * Fault injection: the next {@code streams} response event streams of the Responses API end after
     * {@code events} events, as a dropped connection would, so clients must resume them.
     *
     * @param streams how many streams to cut
     * @param events events each of them delivers first
     * @return this service
     */
    public FakeAgentService dropStreams(int streams, int events) {
        this.dropAfter = events;
        this.streamsToDrop.set(streams);
        return this;
    }

    /**
     * Fault injection: the next {@code times} Agent Service requests (any operation, once authenticated) are
     * answered with {@code status} in Azure's error envelope instead of being served, as an overloaded service
     * would. A 429 carries {@code retry-after-ms: 100} and {@code retry-after: 1}, like Azure's.
     *
     * @param times how many requests fail
     * @param status e.g. 429, 500, 503
     * @return this service
     */
    public synchronized FakeAgentService failNext(int times, int status) {
        if (times < 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException("failNext needs times >= 1 and a 4xx or 5xx status, got " + times
                    + " x " + status);
        }
        for (int i = 0; i < times; i++) {
            failures.add(status);
        }
        return this;
    }

    /** @return the time scale */
    public double timeScale() {
        return timeScale;
    }

    /** @return classic threads and Responses conversations that exist now: each ask should leave none behind */
    public int liveConversations() {
        return classic.threadCount() + responses.conversationCount();
    }

    /** @return agents (classic assistants and named agents of the new service) that exist now */
    public int agentCount() {
        return classic.agentCount() + v2Agents.count();
    }

    /** @return every run served since the last reset, oldest first */
    public List<FakeRunInfo> runs() {
        return history.stream().map(r -> new FakeRunInfo(r.id(), r.conversationId(), r.status(), r.createdAt(),
                r.endedAt())).toList();
    }

    /** @return scripted runs not used yet */
    public synchronized int pendingScripts() {
        return scripts.size();
    }

    /** Forgets scripts, durations, agents, threads and runs; the time scale and connections stay. */
    public synchronized void reset() {
        scripts.clear();
        failures.clear();
        streamsToDrop.set(0);
        durations = () -> DEFAULT_RUN_DURATION;
        history.clear();
        classic.reset();
        v2Agents.reset();
        responses.reset();
    }

    /** Stops the service's clock. */
    public void close() {
        clock.shutdownNow();
    }

    /**
     * @param path a request path
     * @return whether it belongs to the Agent Service
     */
    public static boolean handles(String path) {
        return path.startsWith(PROJECT_PREFIX);
    }

    /**
     * Serves one Agent Service request; authentication has been checked.
     *
     * @param ex the exchange
     * @throws IOException when the client went away
     */
    public void handle(FakeExchange ex) throws IOException {
        String rest = ex.path().substring(PROJECT_PREFIX.length());
        int slash = rest.indexOf('/');
        String project = slash < 0 ? rest : rest.substring(0, slash);
        if (!project.equals(PROJECT)) {
            ex.sendError(404, "NotFound", "Project '" + project + "' was not found.", Map.of());
            return;
        }
        String path = slash < 0 ? "" : rest.substring(slash);
        Integer failure = nextFailure();
        if (failure != null) {
            fail(ex, failure);
        } else if (path.startsWith("/agents")) {
            v2Agents.handle(ex, path);
        } else if (path.startsWith("/openai/")) {
            responses.handle(ex, path);
        } else {
            classic.handle(ex, path);
        }
    }

    private synchronized Integer nextFailure() {
        return failures.poll();
    }

    private static void fail(FakeExchange ex, int status) throws IOException {
        if (status == 429) {
            ex.sendError(429, "too_many_requests", "Rate limit is exceeded. Try again in 1 seconds.",
                    Map.of("retry-after-ms", "100", "retry-after", "1"));
        } else {
            ex.sendError(status, status >= 500 ? "server_error" : "bad_request", "Injected failure (HTTP " + status
                    + ").", Map.of());
        }
    }

    // --- shared by the generations' handlers ---

    synchronized RunScript nextScript() {
        RunScript s = scripts.poll();
        return s != null ? s : RunScript.DEFAULT;
    }

    /** @return how many events the next stream may deliver before it is cut */
    int streamLimit() {
        return streamsToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? dropAfter : Integer.MAX_VALUE;
    }

    Duration realDuration(RunScript script) {
        Duration service = script.duration() != null ? script.duration() : durations.get();
        return Duration.ofNanos((long) (service.toNanos() * timeScale));
    }

    ScheduledExecutorService clock() {
        return clock;
    }

    void track(FakeRun run) {
        history.add(run);
    }

    ObjectNode connection(String name) {
        return connections.get(name);
    }

    List<ObjectNode> connections() {
        return List.copyOf(connections.values());
    }

    /**
     * @param tools an agent's tools
     * @param idField {@code connection_id} (classic) or {@code project_connection_id} (Responses API)
     * @return whether a Bing tool names an existing connection of this project, which is when the service
     *     grounds; anything else is ignored silently
     */
    boolean grounds(JsonNode tools, String idField) {
        for (JsonNode tool : tools) {
            if (!"bing_grounding".equals(tool.path("type").asText())) {
                continue;
            }
            for (JsonNode config : tool.path("bing_grounding").path("search_configurations")) {
                String id = config.path(idField).asText("");
                String prefix = (PROJECT_ID + "/connections/").toLowerCase(Locale.ROOT);
                if (id.toLowerCase(Locale.ROOT).startsWith(prefix)
                        && connections.containsKey(id.substring(prefix.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    String newId(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** api-versions the classic service and the connections API accept. */
    static final Set<String> API_VERSIONS = Set.of("2025-05-01", "2025-05-15-preview", "v1");
}
