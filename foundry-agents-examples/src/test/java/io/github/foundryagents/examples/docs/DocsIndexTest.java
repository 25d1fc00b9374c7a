package io.github.foundryagents.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation holds together: the pages issue 11 asks for exist, {@code docs/index.md} links every page, and
 * every relative link (and {@code #anchor}) in {@code README.md} and {@code docs/*.md} points at something that
 * exists.
 */
class DocsIndexTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCS = ROOT.resolve("docs");

    static final List<String> REQUIRED_PAGES = List.of("index.md", "getting-started.md", "configuration.md",
            "troubleshooting.md", "migration.md", "architecture.md", "performance.md", "dependencies.md", "chat.md",
            "resilience.md", "agents.md", "grounding.md", "cost-control.md", "tasks.md", "spring.md", "testkit.md",
            "terraform.md", "capacity.md");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void theRequiredPagesExist() {
        assertThat(REQUIRED_PAGES.stream().filter(p -> !Files.isRegularFile(DOCS.resolve(p))))
                .as("pages issue 11 requires that are missing from docs/").isEmpty();
    }

    @Test
    void theIndexLinksEveryPage() throws IOException {
        Set<String> linked = new LinkedHashSet<>();
        for (String target : links(Files.readString(DOCS.resolve("index.md")))) {
            linked.add(target.replaceFirst("#.*", ""));
        }
        assertThat(pages().stream().map(p -> p.getFileName().toString())
                .filter(p -> !p.equals("index.md") && !linked.contains(p)))
                .as("docs/*.md pages that docs/index.md does not link").isEmpty();
    }

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> files = new ArrayList<>(pages());
        files.add(ROOT.resolve("README.md"));
        assertThat(brokenLinks(files)).as("broken links in README.md and docs/*.md").isEmpty();
    }

    @Test
    void aBrokenLinkOrAnchorIsReported(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # Page A
                ## Rate limits: goodput (benchmarks/x.sh)
                [ok](b.md) [ok](b.md#the-b-page) [ok](#rate-limits-goodput-benchmarksxsh) [web](https://example.com)
                [gone](missing.md) [bad anchor](b.md#nowhere) [bad local](#nothing)
                ```text
                [inside a code block](ignored.md)
                ```
                """);
        Files.writeString(dir.resolve("b.md"), "# The B page\n");
        assertThat(brokenLinks(List.of(dir.resolve("a.md")))).containsExactly(
                "a.md: missing.md does not exist", "a.md: b.md#nowhere has no heading 'nowhere'",
                "a.md: #nothing has no heading 'nothing'");
    }

    @Test
    void anchorsAreGitHubSlugs() {
        assertThat(slug("Rate limits: goodput under a quota (benchmarks/ratelimit.sh)"))
                .isEqualTo("rate-limits-goodput-under-a-quota-benchmarksratelimitsh");
        assertThat(slug("`AgentClient.Builder`")).isEqualTo("agentclientbuilder");
        assertThat(slug("429 storms")).isEqualTo("429-storms");
    }

    private static List<String> brokenLinks(List<Path> files) throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            for (String target : links(Files.readString(file))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto:
                }
                String path = target.replaceFirst("#.*", "");
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(name + ": " + target + " does not exist");
                    continue;
                }
                if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors.computeIfAbsent(resolved, DocsIndexTest::anchors).contains(anchor)) {
                    broken.add(name + ": " + target + " has no heading '" + anchor + "'");
                }
            }
        }
        return broken;
    }

    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    private static Set<String> anchors(Path page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        try {
            Matcher m = HEADING.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
            while (m.find()) {
                String slug = slug(m.group(1));
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
