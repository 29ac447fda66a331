#!/usr/bin/env bash
# REST API benchmark (not a test): latency of GET /api/v1/containers with 200 containers against the
# engine's own /containers/json, then 50 requests/s for 60 s with 20 console sessions open (errors, p95).
# Needs dockerd, the docker CLI and chromium; builds the jar first unless JAR names one.
#   src/test/bench/api-bench.sh [jvm flags...]      e.g. -Xmx128m -XX:+UseSerialGC
# -Dbench.rate / -Dbench.seconds / -Dbench.sessions go in BENCH_OPTS to change the load.
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ -z "${JAR:-}" ]; then
    ./mvnw -B -ntp -q -o package -DskipTests
fi
./mvnw -B -ntp -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
exec java ${BENCH_OPTS:-} -Dbench.jar="$(realpath "${JAR:-target/miniman.jar}")" \
    -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" io.miniman.bench.ApiBenchmark "$@"
