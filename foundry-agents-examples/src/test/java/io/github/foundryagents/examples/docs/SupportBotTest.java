package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.foundryagents.core.AgentClient;
import io.github.foundryagents.core.ContentFilterException;
import io.github.foundryagents.testkit.FakeFoundry;
import io.github.foundryagents.testkit.Reply;
import io.github.foundryagents.testkit.WithFakeFoundry;
import org.junit.jupiter.api.Test;

// snippet: getting-started#fake-test
@WithFakeFoundry
class SupportBotTest {

    @Test
    void answersFromTheModel(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.text("You can return items within 30 days."));

        assertThat(client.complete("What is the refund policy?")).contains("30 days");
        assertThat(fake.journal().last().body().path("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void surfacesAzureRefusals(FakeFoundry fake, AgentClient client) {
        fake.chat().enqueue(Reply.contentFilterRefusal());

        assertThatThrownBy(() -> client.complete("something nasty"))
                .isInstanceOf(ContentFilterException.class);
    }
}
// end-snippet
