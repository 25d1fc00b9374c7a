package io.github.foundryagents.spring.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The property reference in {@code docs/spring.md} is rendered from the generated
 * {@code spring-configuration-metadata.json}, so it cannot drift from the code: this test fails when they differ.
 * Run it with {@code -Dfoundry.docs.write=true} to rewrite the table after changing a property.
 */
class PropertyReferenceTest {

    private static final Path DOC = Path.of("..", "docs", "spring.md");
    private static final String START = "<!-- properties:start (generated from spring-configuration-metadata.json by"
            + " PropertyReferenceTest) -->";
    private static final String END = "<!-- properties:end -->";

    @Test
    void everyPropertyHasADescriptionAndTheDocsTableMatchesTheMetadata() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = Json.parse(in.readAllBytes());
        }
        List<String> undocumented = new ArrayList<>();
        StringBuilder table = new StringBuilder("| property | default | description |\n|---|---|---|\n");
        for (JsonNode p : metadata.path("properties")) {
            String name = p.path("name").asText();
            String description = p.path("description").asText("");
            if (description.isBlank()) {
                undocumented.add(name);
            }
            table.append("| `").append(name).append("` | ").append(defaultValue(p.get("defaultValue"))).append(" | ")
                    .append(sentence(description)).append(" |\n");
        }
        assertThat(undocumented).as("properties without a description").isEmpty();

        String doc = Files.readString(DOC);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as(DOC + " has the generated-table markers").isNotNegative();
        String expected = doc.substring(0, start + START.length()) + "\n" + table + doc.substring(end);
        if (Boolean.getBoolean("foundry.docs.write")) {
            Files.writeString(DOC, expected);
        }
        assertThat(doc).as("docs/spring.md property table; rerun with -Dfoundry.docs.write=true").isEqualTo(expected);
    }

    private static String defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isArray() ? String.join(", ", value.findValuesAsText("")) : value.asText();
        return "`" + (value.isBoolean() ? text.toLowerCase(Locale.ROOT) : text) + "`";
    }

    private static String sentence(String description) {
        String text = description.strip().replace("|", "\\|").replace("\n", " ");
        if (text.isEmpty()) {
            return text;
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
