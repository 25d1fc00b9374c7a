package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation's code honest: a code block in {@code README.md} or {@code docs/*.md} preceded by
 * {@code <!-- snippet: NAME -->} must equal the region {@code // snippet: NAME} ... {@code // end-snippet} of a
 * Java file in this test source set, which the build compiles (and, where it is a test, runs). Change the API and
 * the snippet stops compiling; edit the docs without the code and this test fails.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SOURCES = Path.of("src/test/java");
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([\\w#.-]+) -->\\s*\\n```(\\w+)\\n(.*?)\\n```",
            Pattern.DOTALL);
    private static final Pattern REGION = Pattern.compile("// snippet: ([\\w#.-]+)\\n(.*?)\\n\\s*// end-snippet",
            Pattern.DOTALL);

    @Test
    void everyMarkedSnippetMatchesCompiledCode() throws IOException {
        Map<String, String> regions = regions();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs()) {
            Matcher m = MARKER.matcher(Files.readString(doc));
            while (m.find()) {
                checked++;
                String name = m.group(1);
                String region = regions.get(name);
                String where = ROOT.relativize(doc) + " snippet '" + name + "'";
                if (region == null) {
                    problems.add(where + ": no region '// snippet: " + name + "' in " + SOURCES);
                } else if (!normalize(region).equals(normalize(m.group(3)))) {
                    problems.add(where + " differs from the compiled code:\n--- docs\n" + normalize(m.group(3))
                            + "\n--- code\n" + normalize(region));
                }
            }
        }
        assertThat(problems).as("documentation snippets out of date").isEmpty();
        assertThat(checked).as("snippets checked").isPositive();
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static Map<String, String> regions() throws IOException {
        Map<String, String> regions = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = REGION.matcher(Files.readString(file));
                while (m.find()) {
                    if (regions.put(m.group(1), m.group(2)) != null) {
                        throw new IllegalStateException("snippet '" + m.group(1) + "' is defined twice");
                    }
                }
            }
        }
        return regions;
    }

    /** Drops the common indentation and trailing spaces, so code nested in a method compares to a flush block. */
    static String normalize(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"))
                .strip();
    }
}
