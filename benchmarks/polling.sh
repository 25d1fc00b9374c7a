#!/usr/bin/env bash
# Waiting strategies for grounded runs: batches of 20 concurrent runs of 10–60 s on the fake Agent Service, run at
# 0.08x time (under 5 s per batch, about a minute in all): streaming vs adaptive polling (cold, then learnt) vs
# fixed 1 s / 15 s on the classic service, then streaming, adaptive and fixed 15 s on the Responses API. Prints one
# JSON line per strategy (latencies in service time) and records the result in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl benchmarks -am -Dmaven.test.skip=true package \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.github.foundryagents.benchmarks.PollingBenchmark docs/performance.md "benchmarks/polling.sh"
