package io.github.foundryagents.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.foundryagents.core.chat.ChatMessage;
import io.github.foundryagents.core.chat.ChatRequest;
import io.github.foundryagents.core.chat.Priority;
import io.github.foundryagents.core.chat.ToolDefinition;
import io.github.foundryagents.core.http.Json;
import io.github.foundryagents.core.resilience.MaxRetryWait;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheKeyTest {

    private static final ChatRequest BASE = ChatRequest.builder().system("Be terse.").user("What is Foundry?")
            .deployment("gpt-4o-mini").temperature(0.0).maxTokens(200).build();

    private static CacheKey key(ChatRequest request) {
        return CacheKey.of(request, "v1", null);
    }

    @Test
    void theSameRequestAlwaysGivesTheSameSha256() {
        assertThat(key(BASE)).isEqualTo(key(BASE.toBuilder().build()));
        assertThat(key(BASE).value()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void twoDeploymentsNeverShareAKeyForTheSamePrompt() {
        assertThat(key(BASE.toBuilder().deployment("gpt-4o").build())).isNotEqualTo(key(BASE));
    }

    static Stream<Arguments> changesThatChangeTheAnswer() {
        return Stream.of(
                Arguments.of("api version", (UnaryOperator<ChatRequest>) r -> r),
                Arguments.of("a message", (UnaryOperator<ChatRequest>) r -> r.toBuilder().user("And Azure?").build()),
                Arguments.of("the system prompt", (UnaryOperator<ChatRequest>) r -> r.toBuilder()
                        .messages(List.of(ChatMessage.system("Be verbose."), ChatMessage.user("What is Foundry?")))
                        .build()),
                Arguments.of("temperature", (UnaryOperator<ChatRequest>) r -> r.toBuilder().temperature(0.1).build()),
                Arguments.of("top_p", (UnaryOperator<ChatRequest>) r -> r.toBuilder().topP(0.5).build()),
                Arguments.of("max_tokens", (UnaryOperator<ChatRequest>) r -> r.toBuilder().maxTokens(201).build()),
                Arguments.of("seed", (UnaryOperator<ChatRequest>) r -> r.toBuilder().seed(7L).build()),
                Arguments.of("stop", (UnaryOperator<ChatRequest>) r -> r.toBuilder().stop(List.of("END")).build()),
                Arguments.of("tools", (UnaryOperator<ChatRequest>) r -> r.toBuilder().tools(List.of(tool(schema(
                        "a", "b")))).build()),
                Arguments.of("tool choice", (UnaryOperator<ChatRequest>) r -> r.toBuilder().toolChoice("none").build()),
                Arguments.of("response format", (UnaryOperator<ChatRequest>) r -> r.toBuilder().responseFormat(
                        Json.object().put("type", "json_object")).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatChangeTheAnswer")
    void everythingThatChangesTheAnswerChangesTheKey(String what, UnaryOperator<ChatRequest> change) {
        CacheKey changed = what.equals("api version") ? CacheKey.of(BASE, "2024-10-21", null) : key(change.apply(BASE));
        assertThat(changed).as(what).isNotEqualTo(key(BASE));
    }

    @Test
    void inProcessFieldsDoNotChangeTheKey() {
        ChatRequest steered = BASE.toBuilder().priority(Priority.PREMIUM).cacheable(true).userId("alice")
                .timeout(Duration.ofSeconds(5)).tag(MaxRetryWait.class, new MaxRetryWait(Duration.ZERO)).build();

        assertThat(key(steered)).isEqualTo(key(BASE));
    }

    @Test
    void aUserScopeSeparatesUsersAndDiffersFromTheSharedScope() {
        CacheKey alice = CacheKey.of(BASE, "v1", "alice");

        assertThat(alice).isNotEqualTo(CacheKey.of(BASE, "v1", "bob")).isNotEqualTo(key(BASE));
        assertThat(alice).isEqualTo(CacheKey.of(BASE, "v1", "alice"));
    }

    @Test
    void equalSchemasGiveEqualKeysButPropertyOrderCountsBecauseTheModelFollowsIt() {
        ChatRequest ab = BASE.toBuilder().tools(List.of(tool(schema("a", "b")))).build();

        assertThat(key(ab)).isEqualTo(key(BASE.toBuilder().tools(List.of(tool(schema("a", "b")))).build()));
        assertThat(key(ab)).isNotEqualTo(key(BASE.toBuilder().tools(List.of(tool(schema("b", "a")))).build()));
    }

    @Test
    void theKeyIsTheSha256OfTheDocumentAsDocumented() throws Exception {
        ChatRequest request = ChatRequest.builder().user("hi").deployment("gpt-4o").build();
        String document = "{\"layout\":1,\"deployment\":\"gpt-4o\",\"api_version\":\"v1\",\"user\":\"u\","
                + "\"body\":{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}}";
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                .digest(document.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(CacheKey.of(request, "v1", "u").value()).isEqualTo(java.util.HexFormat.of().formatHex(sha));
    }

    @ParameterizedTest
    @MethodSource("notSha256Hex")
    void aKeyValueMustBeASha256InLowerCaseHex(String value) {
        assertThatThrownBy(() -> new CacheKey(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256 in lower-case hex");
    }

    static Stream<String> notSha256Hex() {
        String hex = "0123456789abcdef".repeat(4);
        return Stream.of("", hex.substring(1), hex + "0", hex.toUpperCase(java.util.Locale.ROOT),
                hex.substring(1) + "g", hex.substring(1) + "/", hex.substring(1) + ":", hex.substring(1) + "`");
    }

    @Test
    void acceptsEveryLowerCaseHexDigit() {
        String hex = "0123456789abcdef".repeat(4);
        assertThat(new CacheKey(hex).value()).isEqualTo(hex);
    }

    @Test
    void refusesARequestWhoseDeploymentIsNotResolved() {
        assertThatThrownBy(() -> key(ChatRequest.of("hi"))).hasMessageContaining("after the routing step");
    }

    /** A schema with properties a (string) and b (integer), written in the given order. */
    private static ObjectNode schema(String first, String second) {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        for (String name : List.of(first, second)) {
            props.putObject(name).put("type", name.equals("a") ? "string" : "integer");
        }
        return schema;
    }

    private static ToolDefinition tool(ObjectNode schema) {
        return new ToolDefinition("lookup", "Looks things up", schema, false);
    }
}
