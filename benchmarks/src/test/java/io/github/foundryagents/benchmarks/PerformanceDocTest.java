package io.github.foundryagents.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerformanceDocTest {

    @Test
    void replacesOnlyItsOwnSectionAndKeepsTheRest(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("performance.md");
        PerformanceDoc.record(doc, "a", "A", "bash a.sh", "first", List.of("{\"x\":1}"));
        PerformanceDoc.record(doc, "b", "B", "bash b.sh", "other", List.of("{\"y\":2}"));
        PerformanceDoc.record(doc, "a", "A", "bash a.sh", "second", List.of("{\"x\":3}"));

        String text = Files.readString(doc);
        assertThat(text).contains("second").contains("{\"x\":3}").doesNotContain("first").doesNotContain("{\"x\":1}");
        assertThat(text).contains("other").contains("{\"y\":2}").contains("Command: `bash b.sh`");
        assertThat(text.indexOf("<!-- bench:a -->")).isLessThan(text.indexOf("<!-- bench:b -->"));
    }
}
