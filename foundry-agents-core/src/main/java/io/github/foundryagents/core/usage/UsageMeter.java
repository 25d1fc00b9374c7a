package io.github.foundryagents.core.usage;

import io.github.foundryagents.core.FoundryException;
import io.github.foundryagents.core.chat.Cost;
import io.github.foundryagents.core.chat.TokenUsage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what every call used: Micrometer meters named after the OpenTelemetry GenAI semantic conventions, and a
 * per-user {@link UsageRecord} in the {@link UsageStore} (priced with the {@link CostTable}).
 *
 * <ul>
 *   <li>{@value #TOKEN_USAGE}: distribution summary, unit {@code {token}}, one sample per call and token type
 *       ({@value #TOKEN_TYPE} = {@code input} | {@code output}), with the OpenTelemetry bucket boundaries;</li>
 *   <li>{@value #OPERATION_DURATION}: timer (seconds) of every attempt, successful or not, with the OpenTelemetry
 *       bucket boundaries.</li>
 * </ul>
 * Both carry {@value #OPERATION_NAME}, {@value #PROVIDER_NAME} ({@value #PROVIDER}), {@value #REQUEST_MODEL} (the
 * deployment) and {@value #RESPONSE_MODEL}; the timer adds {@value #ERROR_TYPE} (HTTP status, else the exception's
 * class name). Every meter of a name has the same tag keys, as Prometheus requires, so an attribute that does not
 * apply has the value {@value #NONE}. User ids never become tags (unbounded cardinality); they go to the store.
 * Thread-safe.
 */
public final class UsageMeter {

    /** Meter name: tokens per call. */
    public static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    /** Meter name: duration per attempt. */
    public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    /** Tag: the operation, e.g. {@value #CHAT}. */
    public static final String OPERATION_NAME = "gen_ai.operation.name";
    /** Tag: the provider. */
    public static final String PROVIDER_NAME = "gen_ai.provider.name";
    /** Tag: the deployment called. */
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    /** Tag: the model that answered. */
    public static final String RESPONSE_MODEL = "gen_ai.response.model";
    /** Tag: {@code input} or {@code output}. */
    public static final String TOKEN_TYPE = "gen_ai.token.type";
    /** Tag: the failure's class. */
    public static final String ERROR_TYPE = "error.type";
    /** The provider's OpenTelemetry name. */
    public static final String PROVIDER = "azure.ai.openai";
    /** The operation name of chat completions. */
    public static final String CHAT = "chat";
    /** The operation name of an agent run on the Foundry Agent Service (a grounded ask). */
    public static final String INVOKE_AGENT = "invoke_agent";
    /** Value of an attribute that does not apply. */
    public static final String NONE = "none";

    private static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576,
        4194304, 16777216, 67108864};
    private static final Duration[] DURATION_BUCKETS = Arrays.stream(new double[] {0.01, 0.02, 0.04, 0.08, 0.16,
        0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92})
            .mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final UsageOptions options;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<SummaryKey, DistributionSummary> summaries = new ConcurrentHashMap<>();
    /** The three meters of a success, found with one lookup per call. */
    private final Map<SuccessKey, SuccessMeters> successes = new ConcurrentHashMap<>();

    /**
     * @param registry where meters go
     * @param options the store, cost table and clock
     */
    public UsageMeter(MeterRegistry registry, UsageOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Records a successful call.
     *
     * @param operation e.g. {@value #CHAT}
     * @param userId the caller, or {@code null}
     * @param deployment the deployment called
     * @param responseModel the model Azure reports, or {@code null}
     * @param tokens the tokens used
     * @param duration how long the call took
     * @return what the call cost, when its model is priced
     */
    public Optional<Cost> recordSuccess(String operation, String userId, String deployment, String responseModel,
            TokenUsage tokens, Duration duration) {
        SuccessMeters meters = successes.computeIfAbsent(
                new SuccessKey(operation, orNone(deployment), orNone(responseModel)), this::successMeters);
        meters.duration().record(duration);
        meters.input().record(tokens.promptTokens());
        meters.output().record(tokens.completionTokens());
        Optional<Cost> cost = options.costs().costOf(responseModel != null ? responseModel : deployment, tokens);
        options.store().record(new UsageRecord(options.clock().instant(), userId, operation, deployment,
                responseModel, tokens, cost.orElse(null)));
        return cost;
    }

    /**
     * Records a failed call: its duration with the error's type. Nothing is stored.
     *
     * @param operation e.g. {@value #CHAT}
     * @param deployment the deployment called
     * @param error what went wrong
     * @param duration how long the attempt took
     */
    public void recordFailure(String operation, String deployment, Throwable error, Duration duration) {
        timer(new TimerKey(operation, orNone(deployment), NONE, errorType(error))).record(duration);
    }

    /** @return the store, limits, cost table, time zone and clock this meter uses */
    public UsageOptions options() {
        return options;
    }

    /**
     * Refuses a call whose user has spent the monthly token budget ({@link UsageOptions#monthlyTokenLimit()}).
     * Usage is read from the store; months follow the quota time zone. Without a limit, or without a user, every
     * call passes.
     *
     * <p>The check happens before the call, as in the guidance: concurrent calls of one user can each pass it and
     * together overshoot the limit by what they use.
     *
     * @param userId the caller, or {@code null}
     * @throws UsageLimitExceededException with the tokens used, the limit and when it resets
     */
    public void checkMonthlyLimit(String userId) {
        if (userId == null || options.monthlyTokenLimit().isEmpty()) {
            return;
        }
        long limit = options.monthlyTokenLimit().get().applyAsLong(userId);
        if (limit == UsageOptions.UNLIMITED) {
            return;
        }
        MonthlyPeriod months = new MonthlyPeriod(options.quotaZone());
        Instant now = options.clock().instant();
        long used = options.store().totalSince(userId, months.start(now)).tokens().totalTokens();
        if (used >= limit) {
            throw new UsageLimitExceededException(userId, used, limit, months.resetsAt(now));
        }
    }

    /**
     * @param userId a user
     * @return the user's usage since the start of the current month (in the quota time zone)
     */
    public UsageTotals usageThisMonth(String userId) {
        return usageSince(userId, new MonthlyPeriod(options.quotaZone()).start(options.clock()));
    }

    /**
     * @param userId a user
     * @param since start of the period
     * @return the user's usage since then, with its cost: a usage report
     */
    public UsageTotals usageSince(String userId, Instant since) {
        return options.store().totalSince(userId, since);
    }

    static String errorType(Throwable error) {
        if (error instanceof FoundryException f && f.statusCode() > 0) {
            return Integer.toString(f.statusCode());
        }
        return error.getClass().getName();
    }

    private static Tags common(String operation, String deployment, String responseModel) {
        return Tags.of(OPERATION_NAME, operation, PROVIDER_NAME, PROVIDER, REQUEST_MODEL, deployment,
                RESPONSE_MODEL, responseModel);
    }

    private SuccessMeters successMeters(SuccessKey k) {
        return new SuccessMeters(timer(new TimerKey(k.operation(), k.deployment(), k.responseModel(), NONE)),
                summary(new SummaryKey(k.operation(), k.deployment(), k.responseModel(), "input")),
                summary(new SummaryKey(k.operation(), k.deployment(), k.responseModel(), "output")));
    }

    private Timer timer(TimerKey key) {
        return timers.computeIfAbsent(key, k -> Timer.builder(OPERATION_DURATION)
                .description("GenAI operation duration.")
                .tags(common(k.operation(), k.deployment(), k.responseModel())).tag(ERROR_TYPE, k.errorType())
                .serviceLevelObjectives(DURATION_BUCKETS).register(registry));
    }

    private DistributionSummary summary(SummaryKey key) {
        return summaries.computeIfAbsent(key, k -> DistributionSummary.builder(TOKEN_USAGE)
                .description("Number of input and output tokens used.").baseUnit("{token}")
                .tags(common(k.operation(), k.deployment(), k.responseModel())).tag(TOKEN_TYPE, k.tokenType())
                .serviceLevelObjectives(TOKEN_BUCKETS).register(registry));
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    private record TimerKey(String operation, String deployment, String responseModel, String errorType) {
    }

    private record SummaryKey(String operation, String deployment, String responseModel, String tokenType) {
    }

    private record SuccessKey(String operation, String deployment, String responseModel) {
    }

    private record SuccessMeters(Timer duration, DistributionSummary input, DistributionSummary output) {
    }
}
