package io.github.foundryagents.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * docs/dependencies.md lists exactly the direct runtime dependencies each published module's pom declares, with the
 * same optional flag and a reason. When this fails, rerun {@code python3 scripts/dependencies-doc.py}.
 */
class DependenciesDocTest {

    private static final List<String> MODULES = Pom.PUBLISHED.stream().filter(m -> !m.endsWith("-bom")).toList();
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`:]+:[^`:]+)(?::[^`]+)?` \\| [^|]+ \\| (yes|optional|) \\| ([^|]*) \\| [^|]+ \\|$");
    private static final String RERUN = "; rerun python3 scripts/dependencies-doc.py (see its header)";

    /** @return groupId:artifactId of each compile/runtime dependency the pom declares, to "yes" or "optional" */
    private static Map<String, String> declared(String module) {
        Map<String, String> deps = new LinkedHashMap<>();
        Element dependencies = Pom.child(Pom.of(module).project(), "dependencies").orElseThrow();
        for (Element d : Pom.children(dependencies, "dependency")) {
            String scope = Pom.text(d, "scope").orElse("compile");
            if (scope.equals("compile") || scope.equals("runtime")) {
                deps.put(Pom.text(d, "groupId").orElseThrow() + ":" + Pom.text(d, "artifactId").orElseThrow(),
                        Pom.text(d, "optional").filter("true"::equals).map(o -> "optional").orElse("yes"));
            }
        }
        return deps;
    }

    /** @return the direct dependencies the page's section for the module lists, to "yes" or "optional" */
    private static Map<String, String> documented(String page, String module) {
        int start = page.indexOf("\n## " + module + "\n");
        assertThat(start).as("docs/dependencies.md has no section for " + module + RERUN).isNotNegative();
        int end = page.indexOf("\n## ", start + 1);
        Map<String, String> deps = new LinkedHashMap<>();
        for (String line : page.substring(start, end < 0 ? page.length() : end).lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && !m.group(2).isEmpty()) {
                assertThat(m.group(3).strip()).as("why " + m.group(1) + " is in " + module).isNotEmpty()
                        .isNotEqualTo("?");
                deps.put(m.group(1), m.group(2));
            }
        }
        return deps;
    }

    @Test
    void thePageListsEveryDirectRuntimeDependencyOfEveryPublishedModule() throws IOException {
        String page = Files.readString(Pom.ROOT.resolve("docs/dependencies.md"));
        for (String module : MODULES) {
            Map<String, String> declared = declared(module);
            assertThat(declared).as(module + " declares runtime dependencies").isNotEmpty();
            assertThat(documented(page, module)).as("direct runtime dependencies of " + module
                    + " in docs/dependencies.md vs its pom" + RERUN).containsExactlyInAnyOrderEntriesOf(declared);
        }
    }

    @Test
    void everyListedJarHasAVersionAndASize() throws IOException {
        List<String> rows = Files.readString(Pom.ROOT.resolve("docs/dependencies.md")).lines()
                .filter(l -> l.startsWith("| `")).toList();
        assertThat(rows).hasSizeGreaterThan(MODULES.size() * 5).allSatisfy(row -> assertThat(row)
                .matches(ROW.pattern()).matches(".*\\| [\\d.,]+ (KB|MB) \\|$"));
    }
}
