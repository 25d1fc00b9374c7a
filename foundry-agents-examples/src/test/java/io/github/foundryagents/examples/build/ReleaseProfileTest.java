package io.github.foundryagents.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Keeps {@code ./mvnw -Prelease verify -Dgpg.skip} honest without running it on every build: the release profile
 * attaches sources and Javadoc, fails on any Javadoc warning, signs and publishes; the published modules use it and
 * the others skip it.
 */
class ReleaseProfileTest {

    private static final List<String> SKIPS = List.of("maven.source.skip", "maven.javadoc.skip", "gpg.skip",
            "central.skipPublishing", "maven.deploy.skip");

    private final Pom parent = Pom.of("");

    private Element releasePlugins() {
        return parent.profilePlugins("release").orElseThrow(() -> new AssertionError("no release profile"));
    }

    @Test
    void theReleaseProfileAttachesSourcesAndJavadocSignsAndPublishes() {
        Element plugins = releasePlugins();

        assertThat(Pom.plugin(plugins, "maven-source-plugin").map(Pom::goals)).hasValue(List.of("jar-no-fork"));
        assertThat(Pom.plugin(plugins, "maven-javadoc-plugin").map(Pom::goals)).hasValue(List.of("jar"));
        assertThat(Pom.plugin(plugins, "maven-gpg-plugin").map(Pom::goals)).hasValue(List.of("sign"));
        Element central = Pom.plugin(plugins, "central-publishing-maven-plugin").orElseThrow();
        assertThat(Pom.text(central, "extensions")).hasValue("true");
        assertThat(Pom.text(central, "configuration/skipPublishing")).hasValue("${central.skipPublishing}");
    }

    @Test
    void javadocFailsOnAnyWarningWithEveryDoclintGroupIncludingMissingComments() {
        Element javadoc = Pom.plugin(releasePlugins(), "maven-javadoc-plugin").orElseThrow();
        assertThat(Pom.text(javadoc, "configuration/failOnWarnings")).hasValue("true");
        assertThat(Pom.text(javadoc, "configuration/failOnError")).hasValue("true");

        Element managed = Pom.plugin(Pom.child(Pom.child(Pom.child(parent.project(), "build").orElseThrow(),
                "pluginManagement").orElseThrow(), "plugins").orElseThrow(), "maven-javadoc-plugin").orElseThrow();
        assertThat(Pom.text(managed, "configuration/doclint")).hasValue("all");
        // javadoc stops reporting after 100 warnings unless told otherwise.
        assertThat(Pom.text(managed, "configuration/additionalOptions")).hasValueSatisfying(
                o -> assertThat(o).contains("-Xmaxwarns"));
    }

    @Test
    void publishedModulesDoNotSkipAnyReleaseStep() {
        for (String skip : SKIPS) {
            assertThat(parent.property(skip)).as(skip).isNotEqualTo(java.util.Optional.of("true"));
        }
        for (String module : Pom.PUBLISHED) {
            Pom pom = Pom.of(module);
            for (String skip : SKIPS) {
                assertThat(pom.property(skip)).as(module + " " + skip).isNotEqualTo(java.util.Optional.of("true"));
            }
        }
        // The BOM has no parent: its own release profile signs and publishes it.
        Element bom = Pom.of("foundry-agents-bom").profilePlugins("release").orElseThrow();
        assertThat(Pom.plugin(bom, "maven-gpg-plugin").map(Pom::goals)).hasValue(List.of("sign"));
        assertThat(Pom.plugin(bom, "central-publishing-maven-plugin")).isPresent();
    }

    @Test
    void everyOtherModuleSkipsSourcesJavadocSigningAndPublishing() {
        List<String> modules = Pom.children(Pom.child(parent.project(), "modules").orElseThrow(), "module").stream()
                .map(Element::getTextContent).toList();
        assertThat(modules).containsAll(Pom.PUBLISHED);
        List<String> unpublished = modules.stream().filter(m -> !Pom.PUBLISHED.contains(m)).toList();
        assertThat(unpublished).contains("foundry-agents-examples", "foundry-agents-integration-tests", "benchmarks",
                "terraform-module", "foundry-agents-examples/spring-demo");
        for (String module : unpublished) {
            Pom pom = Pom.of(module);
            for (String skip : SKIPS) {
                assertThat(pom.property(skip)).as(module + " " + skip).hasValue("true");
            }
        }
    }
}
