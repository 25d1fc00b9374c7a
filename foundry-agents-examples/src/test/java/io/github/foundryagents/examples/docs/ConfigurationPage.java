package io.github.foundryagents.examples.docs;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tables of {@code docs/configuration.md}, parsed, and the checks that compare them with the code. A table
 * documents the class named by the {@code <!-- options: BINARY_CLASS_NAME -->} marker right above it, or the
 * environment variables under {@code <!-- environment -->}; its first column is the option's signature (or the
 * variable's name) in backticks, its second the default, where each value the code defines is written in backticks.
 */
final class ConfigurationPage {

    static final String ENVIRONMENT_MARKER = "<!-- environment -->";
    private static final Pattern OPTIONS_MARKER = Pattern.compile("<!-- options: ([\\w.$]+) -->");
    private static final Pattern PROPERTY = Pattern.compile("foundry\\.agents\\.[a-z0-9.-]*[a-z0-9]");

    /** One table row: the option (or variable) and its default cell as written. */
    record Row(String name, String defaultCell) {
    }

    private final Map<String, Map<String, Row>> options = new LinkedHashMap<>();
    private final Map<String, Row> environment = new LinkedHashMap<>();
    private final Set<String> properties = new TreeSet<>();
    private final List<String> layoutProblems = new ArrayList<>();

    private ConfigurationPage() {
    }

    static ConfigurationPage parse(String markdown) {
        ConfigurationPage page = new ConfigurationPage();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher options = OPTIONS_MARKER.matcher(line);
            if (options.matches()) {
                if (page.options.containsKey(options.group(1))) {
                    page.layoutProblems.add("two tables document " + options.group(1));
                }
                page.options.put(options.group(1), page.table(lines, i + 1, options.group(1)));
            } else if (line.equals(ENVIRONMENT_MARKER)) {
                page.environment.putAll(page.table(lines, i + 1, "environment"));
            }
        }
        Matcher property = PROPERTY.matcher(markdown);
        while (property.find()) {
            page.properties.add(property.group());
        }
        return page;
    }

    private Map<String, Row> table(List<String> lines, int start, String what) {
        Map<String, Row> rows = new LinkedHashMap<>();
        int i = start;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        int row = 0;
        for (; i < lines.size() && lines.get(i).strip().startsWith("|"); i++, row++) {
            if (row < 2) {
                continue; // header and separator
            }
            String[] cells = lines.get(i).strip().replaceAll("^\\||\\|$", "").split("\\|");
            String name = cells[0].strip().replace("`", "");
            String defaultCell = cells.length > 1 ? cells[1].strip() : "";
            if (rows.put(name, new Row(name, defaultCell)) != null) {
                layoutProblems.add(what + ": '" + name + "' is listed twice");
            }
        }
        if (rows.isEmpty()) {
            layoutProblems.add(what + ": the marker is not followed by a table with rows");
        }
        return rows;
    }

    /** @return problems with the page's layout itself: duplicates, markers without tables */
    List<String> layoutProblems() {
        return layoutProblems;
    }

    /**
     * @param classes every class whose fluent options the page must document
     * @return an option in the code but not on the page, an option on the page but not in the code, a class on
     *     the page that is not in {@code classes}
     */
    List<String> optionProblems(Collection<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        Set<String> expectedClasses = new TreeSet<>();
        for (Class<?> type : classes) {
            expectedClasses.add(type.getName());
            Map<String, Row> documented = options.get(type.getName());
            if (documented == null) {
                problems.add(type.getName() + ": no table (add '<!-- options: " + type.getName() + " -->' and a"
                        + " table of its options)");
                continue;
            }
            Set<String> code = signatures(type);
            for (String option : code) {
                if (!documented.containsKey(option)) {
                    problems.add(type.getName() + ": option " + option + " is not on the page");
                }
            }
            for (String option : documented.keySet()) {
                if (!code.contains(option)) {
                    problems.add(type.getName() + ": the page documents " + option + ", which the code does not have");
                }
            }
        }
        for (String documentedClass : options.keySet()) {
            if (!expectedClasses.contains(documentedClass)) {
                problems.add("the page documents " + documentedClass + ", which is not a configuration builder of"
                        + " the library (renamed or removed?)");
            }
        }
        return problems;
    }

    /**
     * @param variables every environment variable the library reads
     * @return a variable read but not on the page, or on the page but not read
     */
    List<String> environmentProblems(Set<String> variables) {
        List<String> problems = new ArrayList<>();
        variables.stream().filter(v -> !environment.containsKey(v))
                .forEach(v -> problems.add("environment variable " + v + " is read by the library but not on the page"));
        environment.keySet().stream().filter(v -> !variables.contains(v))
                .forEach(v -> problems.add("the page lists environment variable " + v + ", which the library does"
                        + " not read"));
        return problems;
    }

    /**
     * @param expected for {@code CLASS#SIGNATURE} or {@code env:NAME}, the values the code uses as default; each
     *     must appear in backticks in the row's default cell
     * @return each default the page does not state as the code has it
     */
    List<String> defaultProblems(Map<String, List<String>> expected) {
        List<String> problems = new ArrayList<>();
        expected.forEach((key, values) -> {
            Row row = key.startsWith("env:") ? environment.get(key.substring(4))
                    : options.getOrDefault(key.substring(0, key.indexOf('#')), Map.of())
                            .get(key.substring(key.indexOf('#') + 1));
            if (row == null) {
                problems.add(key + ": no row on the page");
                return;
            }
            for (String value : values) {
                if (!row.defaultCell().contains("`" + value + "`")) {
                    problems.add(key + ": the page says the default is '" + row.defaultCell() + "' but the code's"
                            + " default is `" + value + "`");
                }
            }
        });
        return problems;
    }

    /**
     * @param known the starter's properties; a name below a map property ({@code foundry.agents.deployments.gpt4})
     *     counts as known
     * @return each {@code foundry.agents.*} name on the page that is not a property
     */
    List<String> propertyProblems(Set<String> known) {
        return properties.stream()
                .filter(p -> !known.contains(p) && known.stream().noneMatch(k -> p.startsWith(k + ".")))
                .filter(p -> known.stream().noneMatch(k -> k.startsWith(p + "."))) // a group such as foundry.agents.retry
                .map(p -> "the page names property " + p + ", which the starter does not have")
                .collect(Collectors.toList());
    }

    /**
     * @param type a builder or another class with fluent options
     * @return its options: public instance methods returning the type itself, as {@code name(Param, Param)}
     */
    static Set<String> signatures(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !m.isSynthetic() && !m.isBridge() && m.getReturnType() == type)
                .map(ConfigurationPage::signature)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String signature(Method m) {
        Class<?>[] params = m.getParameterTypes();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            boolean varargs = m.isVarArgs() && i == params.length - 1;
            names.add(varargs ? params[i].getComponentType().getSimpleName() + "..." : params[i].getSimpleName());
        }
        return m.getName() + "(" + String.join(", ", names) + ")";
    }

    /** @return a duration as the page writes it: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
