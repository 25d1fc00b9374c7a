#!/usr/bin/env bash
# Task queue throughput: foundry-agents' BullMQ-compatible Redis queue versus BullMQ itself (Node, pinned 6.7.0
# from queue-bullmq/package-lock.json), on the same Redis in the same run: bulk add of 20,000 no-op jobs, and
# processing at concurrency 1, 5 and 50. Prints one JSON line per case and records the result in
# docs/performance.md. Redis: REDIS_URL if set, else 127.0.0.1:6379, else an embedded redis-server; every queue
# gets a unique name and is deleted afterwards. Needs Java 17, Node 20+ and npm. Takes about five minutes.
#
#   benchmarks/queue.sh [--jobs 20000] [--warmup 5000] [--rounds 5]
#
# Offline builds: MAVEN_ARGS=-o benchmarks/queue.sh
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -pl benchmarks -am -Dmaven.test.skip=true package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
if [[ ! -d benchmarks/queue-bullmq/node_modules/bullmq ]]; then
    (cd benchmarks/queue-bullmq && npm ci --no-audit --no-fund >&2)
fi
java -Xms512m -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    io.github.foundryagents.benchmarks.queue.QueueBenchmark --record docs/performance.md "$@"
