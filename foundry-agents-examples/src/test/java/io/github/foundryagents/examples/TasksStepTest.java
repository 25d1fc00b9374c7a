package io.github.foundryagents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.testkit.FakeFoundry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TasksStepTest {

    private static String run(TourStep step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FakeFoundry fake = FakeFoundry.start()) {
            step.run(new Tour(fake::clientBuilder, fake, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTourQueuesPrioritisedTasksShowsProgressAndReceivesSignedWebhooks() {
        String out = run(new TasksStep());

        assertThat(out).contains("queued 6 tasks")
                .contains("progress [######] 6 completed, 0 failed")
                .contains("finished in this order: PPPSSS")
                .contains("first result: Report ready: Summarise account 2")
                .contains("webhooks received with a valid signature: 6/6");
    }

    @Test
    void theTourPrintsTheCapacityReportForProduction() {
        String out = run(new CapacityStep());

        assertThat(out).contains("prod gpt-4o: 150,000 TPM").contains("900 requests/min")
                .contains("poll every 15 s");
    }
}
