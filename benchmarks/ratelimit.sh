#!/usr/bin/env bash
# Goodput under an Azure rate limit: foundry-agents (learning the quota) versus the same client with pacing off and
# a plain client with the Azure SDK's default retry, all against the in-process fake Azure in the same run.
# Prints one JSON line per client and records the result in docs/performance.md. Takes about four minutes.
#
#   benchmarks/ratelimit.sh [--requests N] [--concurrency C]
#   benchmarks/ratelimit.sh --endpoint URL --api-key KEY --deployment NAME [--requests N] [--concurrency C]
#
# The second form runs only foundry-agents against any Azure-compatible endpoint and prints one JSON line; it
# records nothing. Offline builds: MAVEN_ARGS=-o benchmarks/ratelimit.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl benchmarks -am -Dmaven.test.skip=true package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
record=(--record docs/performance.md)
for arg in "$@"; do
    if [[ "$arg" == "--endpoint" ]]; then
        record=()
    fi
done
java -Xms512m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    io.github.foundryagents.benchmarks.RateLimitBenchmark "${record[@]}" "$@"
