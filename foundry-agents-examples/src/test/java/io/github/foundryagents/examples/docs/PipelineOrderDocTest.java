package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.cache.CacheOptions;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.ChatResponse;
import io.github.foundryagents.core.pipeline.ChatInterceptor;
import io.github.foundryagents.core.routing.ModelRouter;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.WithFakeFoundry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pipeline diagram in docs/architecture.md against the order the code really calls the interceptors in. A
 * network interceptor reads the call stack of a real call to the fake (every interceptor's {@code intercept} frame,
 * outermost first), so the check follows whatever {@code ClientAssembly} assembles, not a copy of its list.
 */
@WithFakeFoundry
class PipelineOrderDocTest {

    private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");
    private static final Pattern STEP = Pattern.compile("\\s*→ (\\S+(?: interceptors)?)\\s{2,}.*");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\s*\\| (\\S+)\\s{2,}.*");
    private static final String USER = "user interceptors";
    private static final String NETWORK = "network interceptors";
    private static final String TRANSPORT = "ChatTransport";

    /** The diagram: each arrow's step, with the alternative drawn under it ("|") when there is one. */
    record Step(String name, String alternative) {
    }

    @Test
    void theDiagramShowsTheOrderOfAClientWithEveryStepOn(FakeFoundry fake) throws IOException {
        List<Step> diagram = diagram();
        assertThat(diagram).last().extracting(Step::name).isEqualTo(TRANSPORT);

        List<String> called = calledInterceptors(fake, fake.clientBuilder()
                .monthlyTokenLimit(1_000_000)
                .router(ModelRouter.defaults())
                .cache(CacheOptions.defaults()));

        assertThat(called).as("interceptors called, outermost first").containsExactlyElementsOf(
                diagram.stream().map(Step::name).filter(n -> !n.equals(TRANSPORT)).toList());
    }

    @Test
    void withoutRouterTheDefaultDeploymentStepTakesRoutingsPlaceAndOptionalStepsAreOff(FakeFoundry fake)
            throws IOException {
        List<Step> diagram = diagram();
        Step routing = diagram.stream().filter(s -> s.alternative() != null).findFirst().orElseThrow();

        List<String> called = calledInterceptors(fake, fake.clientBuilder());

        assertThat(called).containsExactly(USER, routing.alternative(), "RetryInterceptor", "PacingInterceptor",
                NETWORK);
        List<String> drawn = diagram.stream().map(s -> s == routing ? s.alternative() : s.name()).toList();
        assertThat(drawn).containsSubsequence(called);
    }

    @Test
    void readsTheDiagramItChecks() throws IOException {
        assertThat(diagram()).extracting(Step::name).startsWith(USER, "QuotaInterceptor").contains(NETWORK)
                .hasSizeGreaterThan(8);
    }

    static List<Step> diagram() throws IOException {
        String text = Files.readString(ARCHITECTURE);
        int section = text.indexOf("## The chat pipeline");
        assertThat(section).as("section '## The chat pipeline' in " + ARCHITECTURE).isNotNegative();
        int open = text.indexOf("```\n", section);
        int close = text.indexOf("\n```", open + 4);
        List<Step> steps = new ArrayList<>();
        for (String line : text.substring(open + 4, close).lines().toList()) {
            Matcher step = STEP.matcher(line);
            Matcher alternative = ALTERNATIVE.matcher(line);
            if (step.matches()) {
                steps.add(new Step(step.group(1), null));
            } else if (alternative.matches()) {
                Step last = steps.remove(steps.size() - 1);
                steps.add(new Step(last.name(), alternative.group(1)));
            }
        }
        return steps;
    }

    private static List<String> calledInterceptors(FakeFoundry fake, AgentClient.Builder builder) {
        NetworkStep network = new NetworkStep();
        AgentClient client = builder.addInterceptor(new UserStep()).addNetworkInterceptor(network).build();

        ChatResponse response = client.chat(ChatRequest.builder().user("Which order?").userId("alice")
                .cacheable(true).build());

        assertThat(response.content()).isPresent();
        assertThat(fake.journal().chatRequests()).as("the chain ends at the transport").hasSize(1);
        fake.journal().clear();
        return network.seen.get();
    }

    private static List<String> interceptorsOnTheStack() {
        List<String> names = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> f.getMethodName().equals("intercept")
                        && ChatInterceptor.class.isAssignableFrom(f.getDeclaringClass()))
                .map(f -> f.getDeclaringClass() == UserStep.class ? USER
                        : f.getDeclaringClass() == NetworkStep.class ? NETWORK : f.getDeclaringClass().getSimpleName())
                .toList());
        List<String> outermostFirst = new ArrayList<>(names);
        Collections.reverse(outermostFirst);
        return outermostFirst;
    }

    private static final class UserStep implements ChatInterceptor {
        @Override
        public ChatResponse intercept(ChatRequest request, Chain chain) {
            return chain.proceed(request);
        }
    }

    private static final class NetworkStep implements ChatInterceptor {
        final AtomicReference<List<String>> seen = new AtomicReference<>();

        @Override
        public ChatResponse intercept(ChatRequest request, Chain chain) {
            seen.set(interceptorsOnTheStack());
            return chain.proceed(request);
        }
    }
}
