package io.github.foundryagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.foundryagents.core.AgentClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@WithFakeFoundry
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeFoundryExtensionTest {

    private static FakeFoundry firstFake;

    private final FakeFoundry constructorFake;

    FakeFoundryExtensionTest(FakeFoundry fake) {
        this.constructorFake = fake;
    }

    @Test
    @Order(1)
    void injectsTheFakeAndAClientPointedAtIt(FakeFoundry fake, AgentClient client) {
        firstFake = fake;
        fake.chat().enqueue(Reply.text("hi from the fake"), Reply.text("left over"));

        assertThat(client.complete("hello")).isEqualTo("hi from the fake");
        assertThat(client.config().endpoint()).isEqualTo(fake.endpoint());
        assertThat(constructorFake).isSameAs(fake);
    }

    @Test
    @Order(2)
    void sharesOneFakePerClassAndResetsItBeforeEachTest(FakeFoundry fake) {
        assertThat(fake).isSameAs(firstFake);
        assertThat(fake.journal().count()).isZero();
        assertThat(fake.chat().pending()).isZero();
    }
}
