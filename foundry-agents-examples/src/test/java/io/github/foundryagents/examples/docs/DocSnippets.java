package io.github.foundryagents.examples.docs;

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

/**
 * The rule behind {@link DocSnippetsTest}: every {@code ```java} block of a Markdown page must directly follow a
 * {@code <!-- snippet: NAME -->} marker and equal the region {@code // snippet: NAME} ... {@code // end-snippet} of
 * a compiled Java file. A marker may also precede a block in another language (its text is then checked the same
 * way); a marker without a block is a problem too.
 */
final class DocSnippets {

    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([\\w#.-]+) -->");
    private static final Pattern FENCE = Pattern.compile("(\\s*)```(\\w*)\\s*");
    private static final Pattern REGION = Pattern.compile("// snippet: ([\\w#.-]+)\\n(.*?)\\n\\s*// end-snippet",
            Pattern.DOTALL);

    private final Map<String, String> regions;

    DocSnippets(Map<String, String> regions) {
        this.regions = Map.copyOf(regions);
    }

    /** Reads the regions of every {@code .java} file under the given source roots. */
    static DocSnippets fromSources(List<Path> sourceRoots) throws IOException {
        Map<String, String> regions = new HashMap<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    regions(Files.readString(file)).forEach((name, code) -> {
                        if (regions.put(name, code) != null) {
                            throw new IllegalStateException("snippet '" + name + "' is defined twice (again in "
                                    + file + ")");
                        }
                    });
                }
            }
        }
        return new DocSnippets(regions);
    }

    /** The regions of one Java source text, by name. */
    static Map<String, String> regions(String javaSource) {
        Map<String, String> regions = new HashMap<>();
        Matcher m = REGION.matcher(javaSource);
        while (m.find()) {
            regions.put(m.group(1), m.group(2));
        }
        return regions;
    }

    /** The outcome of checking one page: how many blocks matched and what is wrong, each with file and line. */
    record Result(int checked, List<String> problems) {
    }

    /**
     * @param file the page's name in messages, e.g. {@code docs/chat.md}
     * @param markdown the page's text
     */
    Result check(String file, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        String marker = null;
        int markerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher markerMatch = MARKER.matcher(line.strip());
            if (markerMatch.matches()) {
                if (marker != null) {
                    problems.add(file + ":" + markerLine + ": marker '" + marker + "' is not followed by a code block");
                }
                marker = markerMatch.group(1);
                markerLine = i + 1;
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.matches()) {
                if (marker != null && !line.isBlank()) {
                    problems.add(file + ":" + markerLine + ": marker '" + marker + "' is not followed by a code block");
                    marker = null;
                }
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            String code = String.join("\n", lines.subList(start, Math.min(end, lines.size())));
            String language = fence.group(2);
            if (marker == null) {
                if (language.equals("java")) {
                    problems.add(file + ":" + (i + 1) + ": ```java block without a <!-- snippet: NAME --> marker;"
                            + " move the code into a snippet region of a compiled test file and mark the block");
                }
            } else {
                checked++;
                String region = regions.get(marker);
                if (region == null) {
                    problems.add(file + ":" + (i + 1) + ": no region '// snippet: " + marker + "' in the compiled"
                            + " snippet sources");
                } else if (!normalize(region).equals(normalize(code))) {
                    problems.add(file + ":" + (i + 1) + ": snippet '" + marker + "' differs from the compiled code:\n"
                            + "--- docs\n" + normalize(code) + "\n--- code\n" + normalize(region));
                }
                marker = null;
            }
            i = end;
        }
        if (marker != null) {
            problems.add(file + ":" + markerLine + ": marker '" + marker + "' is not followed by a code block");
        }
        return new Result(checked, problems);
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
