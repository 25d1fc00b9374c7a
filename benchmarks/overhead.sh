#!/usr/bin/env bash
# What the cost-control pipeline (router + cache miss + metering) adds to a call, versus the transport alone,
# and how fast a cache hit is; both against the in-process fake Azure, measured in the same run.
# Prints one JSON line and records the result in docs/performance.md.
# Extra arguments go to the harness: --rounds N --calls-per-round N. Offline: MAVEN_ARGS=-o benchmarks/overhead.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl benchmarks -am -Dmaven.test.skip=true package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
# nodelay: the fake's JDK HTTP server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm
# and delayed ACKs add ~40 ms to every loopback call and drown what is being measured.
java -Xms512m -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    io.github.foundryagents.benchmarks.OverheadBenchmark --record docs/performance.md "$@"
