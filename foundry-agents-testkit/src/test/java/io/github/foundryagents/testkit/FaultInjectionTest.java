package io.github.foundryagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private final FakeFoundry fake = FakeFoundry.start();
    private final RawClient client = new RawClient(fake);

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void failsTheNextRequestsWithAStatusThenAnswersNormally() throws IOException {
        fake.faults().next(2, Fault.status(503));

        HttpResponse<String> first = client.chat("gpt-4o", 10);
        HttpResponse<String> second = client.chat("gpt-4o", 10);
        HttpResponse<String> third = client.chat("gpt-4o", 10);

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).contains("\"error\"").contains("\"code\":\"503\"");
        assertThat(first.headers().firstValue("x-ratelimit-remaining-tokens")).isPresent();
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(fake.faults().injected()).isEqualTo(2);
        assertThat(fake.journal().chatRequests()).hasSize(3);
    }

    @Test
    void aResetDropsTheConnectionWithoutAnyResponse() {
        fake.faults().next(Fault.connectionReset());

        IOException e = catchThrowableOfType(IOException.class, () -> client.chat("gpt-4o", 10));

        assertThat(e).isNotNull();
        assertThat(fake.journal().chatRequests()).hasSize(1);
    }

    @Test
    void aTruncatedBodyEndsBeforeItsContentLength() {
        fake.faults().next(Fault.truncatedBody());

        IOException e = catchThrowableOfType(IOException.class, () -> client.chat("gpt-4o", 10));

        assertThat(e).hasMessageContaining("content-length");
    }

    @Test
    void aDelayHoldsTheAnswerBack() throws IOException {
        fake.faults().next(Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();

        HttpResponse<String> r = client.chat("gpt-4o", 10);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aScriptedReplyCanBeDelayedToo() throws IOException {
        fake.chat().enqueue(Reply.text("slow").withDelay(Duration.ofMillis(300)), Reply.text("fast"));
        long start = System.nanoTime();

        HttpResponse<String> slow = client.chat("gpt-4o", 10);

        assertThat(slow.body()).contains("slow");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(client.chat("gpt-4o", 10).body()).as("only that reply waits").contains("fast");
    }

    @Test
    void onlyRequestsThatPassAzuresChecksTakeAFault() throws IOException {
        fake.faults().next(Fault.status(500));

        assertThat(client.chat("no-such-deployment", 10).statusCode()).isEqualTo(404);
        assertThat(fake.faults().pending()).isEqualTo(1);
        assertThat(client.chat("gpt-4o", 10).body()).contains("InternalServerError");
    }
}
