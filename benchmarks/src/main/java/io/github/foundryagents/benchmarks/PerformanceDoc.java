package io.github.foundryagents.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records a benchmark's latest result in {@code docs/performance.md}: each benchmark owns one section between
 * {@code <!-- bench:NAME -->} and {@code <!-- /bench:NAME -->}, replaced on every run, so results and the command
 * that produced them never drift apart. Stateless.
 */
public final class PerformanceDoc {

    private PerformanceDoc() {
    }

    /**
     * Replaces (or appends) the benchmark's section.
     *
     * @param doc path of {@code docs/performance.md}
     * @param name the benchmark's name, e.g. {@code ratelimit}
     * @param title the section heading
     * @param command the exact command that produced the result
     * @param body Markdown describing the result (tables, notes)
     * @param jsonLines the JSON lines the benchmark printed
     */
    public static void record(Path doc, String name, String title, String command, String body,
            List<String> jsonLines) {
        String section = render(name, title, command, body, jsonLines);
        try {
            String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8)
                    : "# Performance\n\nEvery number here was written by the benchmark that measured it.\n";
            Files.writeString(doc, replaceSection(text, name, section), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + doc, e);
        }
    }

    static String replaceSection(String text, String name, String section) {
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            return text.substring(0, from) + section + text.substring(to + end.length());
        }
        return text.endsWith("\n") ? text + "\n" + section + "\n" : text + "\n\n" + section + "\n";
    }

    private static String render(String name, String title, String command, String body, List<String> jsonLines) {
        StringBuilder sb = new StringBuilder()
                .append("<!-- bench:").append(name).append(" -->\n")
                .append("## ").append(title).append("\n\n")
                .append("Command: `").append(command).append("` (last run ")
                .append(LocalDate.now(ZoneOffset.UTC)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ")
                .append(Runtime.version().feature()).append(")\n\n")
                .append(body.strip()).append("\n\n")
                .append("```json\n");
        jsonLines.forEach(l -> sb.append(l).append('\n'));
        return sb.append("```\n").append("<!-- /bench:").append(name).append(" -->").toString();
    }
}
