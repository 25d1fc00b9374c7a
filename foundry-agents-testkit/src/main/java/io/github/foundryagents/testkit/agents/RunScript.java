package io.github.foundryagents.testkit.agents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the fake Agent Service does with one run (classic) or response (Responses API): how long it takes, whether
 * it calls a function tool first, and how it ends. Durations are in service time; the fake's
 * {@link FakeAgentService#timeScale(double) time scale} turns them into real time. Immutable; each method returns
 * a copy.
 *
 * <pre>{@code
 * fake.agents().enqueue(RunScript.answer("Florida won.").citing("https://ncaa.com/final", "NCAA final"));
 * fake.agents().enqueue(RunScript.failing("rate_limit_exceeded", "Rate limit is exceeded. Try again in 60 seconds."));
 * fake.agents().enqueue(RunScript.answer("It is {tool_output}.").afterToolCall("get_weather", "{\"city\":\"Oslo\"}"));
 * }</pre>
 */
public final class RunScript {

    /** Placeholder in an answer replaced by the submitted tool outputs. */
    public static final String TOOL_OUTPUT = "{tool_output}";

    /** How a scripted run ends. */
    public enum Outcome {
        /** Completes with the answer. */
        COMPLETED,
        /** Fails with {@code last_error} / {@code error}. */
        FAILED,
        /** Expires. */
        EXPIRED,
        /** Ends incomplete with a reason. */
        INCOMPLETE,
        /** Is cancelled by the service. */
        CANCELLED,
        /** Ends in a status no client knows ({@link #status()}). */
        OTHER
    }

    /**
     * A citation the answer carries when the agent's Bing connection is valid.
     *
     * @param url the page
     * @param title its title, or {@code null} to send none (clients fall back to the url)
     */
    public record ScriptedCitation(String url, String title) {
        /**
         * Validates the url.
         *
         * @param url the page
         * @param title its title, or {@code null} to send none (clients fall back to the url)
         */
        public ScriptedCitation {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Completes with {@code Fake grounded answer to: <question>}. */
    static final RunScript DEFAULT = new RunScript(Outcome.COMPLETED, null, List.of(), null, null, null, null, null,
            null, null, null, null, 0);

    private final Outcome outcome;
    private final String text;
    private final List<ScriptedCitation> citations;
    private final String code;
    private final String message;
    private final Duration duration;
    private final String toolName;
    private final String toolArguments;
    private final Integer promptTokens;
    private final Integer completionTokens;
    private final Integer cachedTokens;
    private final Integer reasoningTokens;
    private final int toolRounds;

    private RunScript(Outcome outcome, String text, List<ScriptedCitation> citations, String code, String message,
            Duration duration, String toolName, String toolArguments, Integer promptTokens,
            Integer completionTokens, Integer cachedTokens, Integer reasoningTokens, int toolRounds) {
        this.outcome = outcome;
        this.text = text;
        this.citations = List.copyOf(citations);
        this.code = code;
        this.message = message;
        this.duration = duration;
        this.toolName = toolName;
        this.toolArguments = toolArguments;
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.cachedTokens = cachedTokens;
        this.reasoningTokens = reasoningTokens;
        this.toolRounds = toolRounds;
    }

    /**
     * @param text the answer; {@value #TOOL_OUTPUT} is replaced by submitted tool outputs
     * @return a run that completes with this answer (and, when grounded, the default citation unless
     *     {@link #citing} adds others)
     */
    public static RunScript answer(String text) {
        return new RunScript(Outcome.COMPLETED, Objects.requireNonNull(text, "text"), List.of(), null, null, null,
                null, null, null, null, null, null, 0);
    }

    /**
     * @param code {@code last_error.code}, e.g. {@code rate_limit_exceeded}, {@code server_error},
     *     {@code invalid_prompt}
     * @param message {@code last_error.message}
     * @return a run that fails
     */
    public static RunScript failing(String code, String message) {
        return new RunScript(Outcome.FAILED, null, List.of(), code, message, null, null, null, null, null, null, null,
                0);
    }

    /**
     * @return a run that expires; the Responses API has no {@code expired} status, so there the fake's response
     *     fails with error code {@code expired} (a convention of this fake)
     */
    public static RunScript expiring() {
        return new RunScript(Outcome.EXPIRED, null, List.of(), null, null, null, null, null, null, null, null, null, 0);
    }

    /**
     * @param reason {@code incomplete_details.reason}, e.g. {@code max_completion_tokens} or {@code content_filter}
     * @return a run that ends incomplete
     */
    public static RunScript incomplete(String reason) {
        return new RunScript(Outcome.INCOMPLETE, null, List.of(), reason, null, null, null, null, null, null, null,
                null, 0);
    }

    /** @return a run the service cancels by itself */
    public static RunScript cancelledByService() {
        return new RunScript(Outcome.CANCELLED, null, List.of(), null, null, null, null, null, null, null, null, null,
                0);
    }

    /**
     * @param status a status string clients do not know, e.g. {@code paused}
     * @return a run that ends in it
     */
    public static RunScript endingWithStatus(String status) {
        return new RunScript(Outcome.OTHER, null, List.of(), Objects.requireNonNull(status, "status"), null, null,
                null, null, null, null, null, null, 0);
    }

    /**
     * @param url a cited page
     * @param title its title, or {@code null} for none
     * @return a copy citing it as well (replacing the default citation)
     */
    public RunScript citing(String url, String title) {
        List<ScriptedCitation> more = new ArrayList<>(citations);
        more.add(new ScriptedCitation(url, title));
        return new RunScript(outcome, text, more, code, message, duration, toolName, toolArguments, promptTokens,
                completionTokens, cachedTokens, reasoningTokens, toolRounds);
    }

    /**
     * @param d how long the run takes in service time (default: the fake's run duration)
     * @return a copy taking that long
     */
    public RunScript withDuration(Duration d) {
        return new RunScript(outcome, text, citations, code, message, Objects.requireNonNull(d, "d"), toolName,
                toolArguments, promptTokens, completionTokens, cachedTokens, reasoningTokens, toolRounds);
    }

    /**
     * @param name a function tool name
     * @param arguments its arguments as JSON text
     * @return a copy that first asks for this call ({@code requires_action} / a {@code function_call} item)
     */
    public RunScript afterToolCall(String name, String arguments) {
        return afterToolCalls(name, arguments, 1);
    }

    /**
     * @param name a function tool name
     * @param arguments its arguments as JSON text
     * @param rounds how many times in a row the run asks for this call before it ends as scripted, e.g. more
     *     than the client's {@code maxToolRounds} to script a tool loop
     * @return a copy that asks for the call {@code rounds} times ({@code requires_action} again after each
     *     submission on the classic service; a {@code function_call} item in each continuing response on the
     *     Responses API)
     */
    public RunScript afterToolCalls(String name, String arguments, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        return new RunScript(outcome, text, citations, code, message, duration, Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(arguments, "arguments"), promptTokens, completionTokens, cachedTokens,
                reasoningTokens, rounds);
    }

    /** @return the script a response continuing after one tool round follows: one round fewer to ask for */
    RunScript afterOneToolRound() {
        return new RunScript(outcome, text, citations, code, message, duration, toolName, toolArguments, promptTokens,
                completionTokens, cachedTokens, reasoningTokens, Math.max(0, toolRounds - 1));
    }

    /**
     * @param prompt prompt (input) tokens to report
     * @param completion completion (output) tokens to report
     * @return a copy reporting that usage instead of the fake's estimate
     */
    public RunScript withUsage(int prompt, int completion) {
        return new RunScript(outcome, text, citations, code, message, duration, toolName, toolArguments, prompt,
                completion, cachedTokens, reasoningTokens, toolRounds);
    }

    /**
     * Token details as the services document them: on the Responses API {@code input_tokens_details.cached_tokens}
     * and {@code output_tokens_details.reasoning_tokens} (reported as 0 unless set here); a classic run's
     * documented usage has only the counts, so the fake adds {@code prompt_tokens_details.cached_tokens} and
     * {@code completion_tokens_details.reasoning_tokens} (the chat completions shape) only when set here.
     *
     * @param cached of the prompt tokens, those served from the prompt cache
     * @param reasoning of the completion tokens, those spent on reasoning
     * @return a copy reporting these details
     */
    public RunScript withTokenDetails(int cached, int reasoning) {
        return new RunScript(outcome, text, citations, code, message, duration, toolName, toolArguments, promptTokens,
                completionTokens, cached, reasoning, toolRounds);
    }

    Outcome outcome() {
        return outcome;
    }

    String text() {
        return text;
    }

    List<ScriptedCitation> citations() {
        return citations;
    }

    /** @return the error code (failed), reason (incomplete) or status (other) */
    String code() {
        return code;
    }

    String message() {
        return message;
    }

    Duration duration() {
        return duration;
    }

    String toolName() {
        return toolName;
    }

    String toolArguments() {
        return toolArguments;
    }

    /** @return how many tool rounds the run (or, on the Responses API, this response) still asks for */
    int toolRounds() {
        return toolRounds;
    }

    Integer promptTokens() {
        return promptTokens;
    }

    Integer completionTokens() {
        return completionTokens;
    }

    Integer cachedTokens() {
        return cachedTokens;
    }

    Integer reasoningTokens() {
        return reasoningTokens;
    }

    String status() {
        return code;
    }
}
