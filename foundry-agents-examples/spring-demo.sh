#!/usr/bin/env bash
# Starts the foundry-agents Spring demo: the /tasks REST API on the starter, a worker in the app, and the embedded
# fake Azure. NOT FOR PRODUCTION: fixed demo users (alice/alice-pass premium, bob/bob-pass standard), a fixed webhook
# secret and a fake model. Builds what it needs on first use (Java 17 and Maven Central access).
#
#   bash foundry-agents-examples/spring-demo.sh --port 8080
#
# In-memory queue and task store unless REDIS_URL (BullMQ-compatible Redis queue and store) or JDBC_URL
# (jdbc:postgresql://host:5432/db?user=...: PostgreSQL task and usage stores) are set; real Azure when
# AZURE_OPENAI_ENDPOINT is set. Other arguments go to Spring Boot, e.g. --logging.level.root=WARN.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port=8080
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done

jar="$root/foundry-agents-examples/spring-demo/target/foundry-agents-spring-demo-0.1.0-SNAPSHOT.jar"
stamp="$root/foundry-agents-examples/spring-demo/target/spring-demo.built"
# Build when the jar is missing or a source changed since this script last built it (the jar's own time is the
# reproducible-build timestamp, so a stamp file marks the build). SPRING_DEMO_SKIP_BUILD=1 uses the jar as it is
# (the build's own smoke test, right after packaging it).
if [[ -z "${SPRING_DEMO_SKIP_BUILD:-}" ]] && [[ ! -f "$jar" || ! -f "$stamp" || -n "$(find \
      "$root"/pom.xml "$root"/foundry-agents-core "$root"/foundry-agents-testkit "$root"/foundry-agents-redis-queue \
      "$root"/foundry-agents-spring-starter "$root"/foundry-agents-examples/spring-demo \
      \( -path '*/target' -prune \) -o \( -type f -newer "$stamp" -print \) | head -1)" ]]; then
  echo "spring-demo: building the demo and the modules it needs..." >&2
  # -DskipTests compiles but does not run tests: the modules' test jars (test helpers) are part of the build.
  (cd "$root" && ./mvnw -q -B -pl foundry-agents-examples/spring-demo -am -DskipTests package)
  touch "$stamp"
fi
if [[ ! -f "$jar" ]]; then
  echo "spring-demo: $jar is missing; run without SPRING_DEMO_SKIP_BUILD to build it" >&2
  exit 1
fi
echo "spring-demo: NOT FOR PRODUCTION - starting on port $port" >&2
exec java -jar "$jar" --server.port="$port" ${args[@]+"${args[@]}"}
