package io.github.foundryagents.examples.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A Maven pom of this repository, read with the JDK's DOM parser, for checks of the build's own configuration. */
final class Pom {

    /** The repository root (tests run in foundry-agents-examples). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The modules published to Maven Central; every other module of the reactor is not. */
    static final List<String> PUBLISHED = List.of("foundry-agents-bom", "foundry-agents-core",
            "foundry-agents-testkit", "foundry-agents-redis-queue", "foundry-agents-spring-starter");

    private final Element project;

    private Pom(Element project) {
        this.project = project;
    }

    /**
     * @param module a module directory relative to the root, or {@code ""} for the parent
     * @return the parsed pom
     */
    static Pom of(String module) {
        Path file = ROOT.resolve(module).resolve("pom.xml");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Pom(factory.newDocumentBuilder().parse(Files.newInputStream(file)).getDocumentElement());
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    Element project() {
        return project;
    }

    /** @return the value of a property declared in this pom's {@code <properties>} */
    Optional<String> property(String name) {
        return child(project, "properties").flatMap(p -> child(p, name)).map(e -> e.getTextContent().trim());
    }

    /** @return the {@code <build><plugins>} of the profile with this id */
    Optional<Element> profilePlugins(String id) {
        return child(project, "profiles").stream().flatMap(p -> children(p, "profile").stream())
                .filter(p -> child(p, "id").map(Element::getTextContent).filter(id::equals).isPresent())
                .findFirst().flatMap(p -> child(p, "build")).flatMap(b -> child(b, "plugins"));
    }

    static Optional<Element> plugin(Element plugins, String artifactId) {
        return children(plugins, "plugin").stream()
                .filter(p -> child(p, "artifactId").map(Element::getTextContent).filter(artifactId::equals)
                        .isPresent())
                .findFirst();
    }

    /** @return the text at a path of child element names below {@code from}, e.g. configuration/failOnWarnings */
    static Optional<String> text(Element from, String path) {
        Optional<Element> at = Optional.of(from);
        for (String name : path.split("/")) {
            at = at.flatMap(e -> child(e, name));
        }
        return at.map(e -> e.getTextContent().trim());
    }

    /** @return the goals of every execution of a plugin */
    static List<String> goals(Element plugin) {
        List<String> goals = new ArrayList<>();
        child(plugin, "executions").ifPresent(executions -> children(executions, "execution")
                .forEach(ex -> child(ex, "goals").ifPresent(g -> children(g, "goal")
                        .forEach(goal -> goals.add(goal.getTextContent().trim())))));
        return goals;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
