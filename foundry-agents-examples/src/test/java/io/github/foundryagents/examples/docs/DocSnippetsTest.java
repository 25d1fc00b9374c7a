package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation's code honest: every {@code ```java} block in {@code README.md} and {@code docs/*.md} is
 * preceded by {@code <!-- snippet: NAME -->} and equals the region {@code // snippet: NAME} ... {@code // end-snippet}
 * of a Java file in this module's test sources or the Spring demo's (for code that needs Spring), which the build
 * compiles and, where it is a test, runs. Change the API and the snippet stops compiling; edit the docs without the
 * code, or add an unchecked block, and this test fails with the file and line.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<Path> SOURCES = List.of(Path.of("src/test/java"),
            ROOT.resolve("foundry-agents-examples/spring-demo/src/test/java"));

    @Test
    void everyJavaBlockInTheDocsIsACompiledSnippet() throws IOException {
        DocSnippets snippets = DocSnippets.fromSources(SOURCES);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs()) {
            DocSnippets.Result result = snippets.check(ROOT.relativize(doc).toString(), Files.readString(doc));
            problems.addAll(result.problems());
            checked += result.checked();
        }
        assertThat(problems).as("documentation snippets out of date or unchecked").isEmpty();
        assertThat(checked).as("snippets checked").isGreaterThan(30);
    }

    @Test
    void acceptsAMarkedBlockThatEqualsItsRegion() {
        DocSnippets snippets = new DocSnippets(DocSnippets.regions("""
                    void f() {
                        // snippet: demo
                        int x = 1;
                        // end-snippet
                    }
                """));

        DocSnippets.Result result = snippets.check("demo.md", """
                # Demo

                <!-- snippet: demo -->
                ```java
                int x = 1;
                ```
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.checked()).isEqualTo(1);
    }

    @Test
    void reportsAnUnmarkedJavaBlockWithFileAndLine() {
        DocSnippets.Result result = new DocSnippets(Map.of()).check("docs/demo.md", """
                # Demo

                ```bash
                ./mvnw verify
                ```

                ```java
                AgentClient client = AgentClient.builder().build();
                ```
                """);

        assertThat(result.problems()).singleElement().asString()
                .startsWith("docs/demo.md:7: ```java block without a <!-- snippet: NAME --> marker");
    }

    @Test
    void reportsAMarkedBlockThatDriftedFromTheCode() {
        DocSnippets snippets = new DocSnippets(Map.of("demo", "client.complete(\"hi\");"));

        DocSnippets.Result result = snippets.check("README.md", """
                <!-- snippet: demo -->
                ```java
                client.completeNow("hi");
                ```
                """);

        assertThat(result.problems()).singleElement().asString()
                .startsWith("README.md:2: snippet 'demo' differs from the compiled code")
                .contains("client.completeNow(\"hi\");", "client.complete(\"hi\");");
    }

    @Test
    void reportsAMarkerWithoutRegionOrWithoutBlock() {
        DocSnippets.Result result = new DocSnippets(Map.of()).check("x.md", """
                <!-- snippet: missing -->
                ```java
                foo();
                ```

                <!-- snippet: orphan -->
                Some prose instead of a block.
                """);

        assertThat(result.problems()).containsExactly(
                "x.md:2: no region '// snippet: missing' in the compiled snippet sources",
                "x.md:6: marker 'orphan' is not followed by a code block");
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }
}
