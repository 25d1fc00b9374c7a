#!/usr/bin/env bash
# BullMQ interop command line (the Java side). Run from the repository root:
#   bash foundry-agents-redis-queue/interop.sh produce --redis redis://127.0.0.1:6379 --queue q1 --spec spec.json
#   bash foundry-agents-redis-queue/interop.sh consume --redis redis://127.0.0.1:6379 --queue q1 --expect spec.json
# Builds the module and its classpath on first use (needs Java 17; Maven comes through ./mvnw). See docs/tasks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$root/foundry-agents-redis-queue"
cp_file="$module/target/interop.classpath"
if [[ ! -f "$cp_file" || ! -d "$module/target/classes/io" ]]; then
  echo "interop.sh: building foundry-agents-redis-queue (first use)..." >&2
  # One reactor build: modules resolve to their fresh jars; each module writes the file, this one last.
  (cd "$root" && ./mvnw -q -pl foundry-agents-redis-queue -am -Dmaven.test.skip=true package \
     dependency:build-classpath -Dmdep.outputFile="$cp_file" -DincludeScope=runtime) >&2
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$module/target/classes:$(cat "$cp_file")" io.github.foundryagents.redis.queue.BullMqInterop "$@"
