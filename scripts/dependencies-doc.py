#!/usr/bin/env python3
"""Regenerates docs/dependencies.md from Maven's runtime dependency trees of the published modules.

Run from the repository root after a build has installed the modules (./mvnw -o -q install -DskipTests):

    python3 scripts/dependencies-doc.py            # add --reuse to render the trees of the previous run again

Sizes are the jar files in the local Maven repository (~/.m2). A direct dependency without an entry in WHY stops the
script: say why a new dependency is there before it ships. DependenciesDocTest fails the build when a module's pom
and the page disagree about its direct runtime dependencies.
"""
import os
import re
import subprocess
import sys

MODULES = [
    ("foundry-agents-core", "The library itself: `AgentClient`, the pipeline, tools, agents, grounding, tasks."),
    ("foundry-agents-testkit", "`FakeFoundry` for tests (test scope in your build)."),
    ("foundry-agents-redis-queue", "BullMQ-compatible Redis queue, Redis task store, cache and usage store."),
    ("foundry-agents-spring-starter", "Spring Boot auto-configuration; optional dependencies switch features on."),
]

# Why each direct runtime dependency is there. Keyed by groupId:artifactId.
WHY = {
    "com.azure:azure-identity": "Microsoft Entra ID tokens: `DefaultAzureCredential`, managed identity, `az login`"
                                " (the library's default authentication, no keys)",
    "com.azure:azure-core": "`TokenCredential` in the public API and the HTTP pipeline (Netty client) that carries"
                            " chat and Agent Service calls",
    "com.fasterxml.jackson.core:jackson-databind": "JSON: Azure's wire format, tool arguments and their JSON schemas,"
                                                   " task payloads",
    "com.fasterxml.jackson.datatype:jackson-datatype-jsr310": "`java.time` values (`Instant`, `Duration`) in task"
                                                              " records and tool arguments",
    "com.fasterxml.jackson.datatype:jackson-datatype-jdk8": "`Optional<T>` in tool argument records and results",
    "org.slf4j:slf4j-api": "logging facade; bring your own binding (Logback, slf4j-simple, ...)",
    "com.github.ben-manes.caffeine:caffeine": "the in-memory response cache (`CacheOptions.defaults()`)",
    "io.micrometer:micrometer-core": "metrics: OpenTelemetry GenAI token and duration meters, cache hit/miss counters",
    "io.github.foundryagents:foundry-agents-core": "the library the module builds on",
    "org.junit.jupiter:junit-jupiter-api": "the testkit's JUnit 5 extension (`@WithFakeFoundry`); your tests already"
                                           " have it",
    "io.lettuce:lettuce-core": "the Redis client (Lettuce 6.8, on the same Netty 4.1 as azure-core)",
    "org.springframework.boot:spring-boot-autoconfigure": "Spring Boot auto-configuration and"
                                                          " `@ConfigurationProperties` binding",
    "io.github.foundryagents:foundry-agents-redis-queue": "optional: Redis queue, task store, cache and usage store"
                                                          " when `foundry.agents.redis.url` is set",
    "org.springframework.boot:spring-boot-health": "optional: the `foundryAgents` health indicator",
    "org.springframework.boot:spring-boot-webmvc": "optional: the `/tasks` REST API",
    "org.springframework.boot:spring-boot-jdbc": "optional: JDBC (PostgreSQL) task and usage stores",
    "org.springframework.boot:spring-boot-micrometer-metrics": "optional: usage meters on the application's"
                                                               " `MeterRegistry`",
    "org.flywaydb:flyway-core": "optional: creates the JDBC stores' tables",
    "org.springframework.boot:spring-boot-actuator": "optional: sanitizes secrets in actuator endpoints",
    "jakarta.servlet:jakarta.servlet-api": "optional: users and tiers of `/tasks` requests",
}

LINE = re.compile(r"^(?P<prefix>[| +\\-]*)(?P<g>[^:\s]+):(?P<a>[^:]+):(?P<t>[^:]+)(?::(?P<c>[^:]+))?:(?P<v>[^:]+)"
                  r":(?P<s>compile|runtime)(?P<opt> \(optional\))?\s*$")


def tree(module):
    out = os.path.join(module, "target", "runtime-dependencies.txt")
    if "--reuse" not in sys.argv:
        subprocess.run(["./mvnw", "-o", "-q", "-pl", module, "dependency:tree", "-Dscope=runtime",
                        "-DoutputFile=" + os.path.abspath(out)], check=True)
    rows = []
    parent = None
    with open(out) as f:
        for line in f.read().splitlines()[1:]:
            m = LINE.match(line)
            if not m:
                continue
            depth = len(m.group("prefix")) // 3
            ga = m.group("g") + ":" + m.group("a")
            if depth == 1:
                parent = ga
            rows.append(dict(ga=ga, version=m.group("v"), scope=m.group("s"), direct=depth == 1,
                             optional=bool(m.group("opt")), parent=parent, classifier=m.group("c"),
                             path=jar(m.group("g"), m.group("a"), m.group("v"), m.group("c"))))
    return rows


def optional_parents(rows):
    return {r["ga"] for r in rows if r["direct"] and r["optional"]}


def jar(group, artifact, version, classifier):
    name = artifact + "-" + version + ("-" + classifier if classifier else "") + ".jar"
    return os.path.join(os.path.expanduser("~/.m2/repository"), *group.split("."), artifact, version, name)


def size(path):
    return os.path.getsize(path) if os.path.exists(path) else None


def human(n):
    if n is None:
        return "?"
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def main():
    sections = []
    missing = []
    for module, summary in MODULES:
        rows = tree(module)
        counted = [r for r in rows if not r["optional"] and r["parent"] not in optional_parents(rows)
                   and not r["ga"].startswith("io.github.foundryagents:")]
        total = sum(size(r["path"]) or 0 for r in counted)
        lines = [f"## {module}", "", summary, "",
                 f"Runtime classpath added to yours (without optional dependencies and our own modules):"
                 f" {human(total)} in {len(counted)} jars.", "",
                 "| dependency | version | direct | why | size |", "|---|---|---|---|---|"]
        optional_subtree = set()
        for r in rows:
            if r["direct"]:
                why = WHY.get(r["ga"])
                if why is None:
                    missing.append(f"{module}: {r['ga']}")
                    why = "?"
                if r["optional"]:
                    optional_subtree.add(r["ga"])
                direct = "optional" if r["optional"] else "yes"
            else:
                why = "through `" + r["parent"] + "`" + (" (optional)" if r["parent"] in optional_subtree else "")
                direct = ""
            name = r["ga"] + (":" + r["classifier"] if r["classifier"] else "")
            lines.append(f"| `{name}` | {r['version']} | {direct} | {why} | {human(size(r['path']))} |")
        sections.append("\n".join(lines))
    if missing:
        sys.exit("say why these direct dependencies are there (WHY in scripts/dependencies-doc.py): "
                 + ", ".join(missing))
    head = """# Dependencies

What each published module brings onto your runtime classpath, why, and how big it is. The BOM has no
dependencies. Test-scoped dependencies (JUnit, AssertJ, the official SDKs used as oracles, embedded Redis and
PostgreSQL) are not listed: they never reach your application.

Generated by `python3 scripts/dependencies-doc.py` from `./mvnw dependency:tree -Dscope=runtime` of each module;
sizes are the jars in the local Maven repository. Rerun it after changing a module's dependencies:
`DependenciesDocTest` fails the build when a module gains or loses a direct runtime dependency this page does not
list. "direct" is `yes` for a dependency declared in the module's pom, `optional` for one you add yourself to switch
a feature on (the Spring starter's features), empty for a transitive one.
"""
    with open("docs/dependencies.md", "w") as f:
        f.write(head + "\n" + "\n\n".join(sections) + "\n")


if __name__ == "__main__":
    main()
