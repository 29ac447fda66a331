#!/usr/bin/env bash
# Extension cost benchmark (not a test): starts the packaged console alternately without and with the
# example extension in its extensions folder, ROUNDS times each, with the box's JVM flags, and prints
# start-up and idle memory per run (start-and-measure.sh). Alternating keeps a busy machine's noise
# out of the difference.
#   src/test/bench/extension-cost.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-3}
[ -f target/miniman.jar ] || ./mvnw -B -ntp -q package -DskipTests
example=examples/extension-hello/target/extension-hello.jar
[ -f "$example" ] || ./mvnw -B -ntp -q -f examples/extension-hello/pom.xml package -DskipTests
with=$(mktemp -d)
without=$(mktemp -d)
trap 'rm -rf "$with" "$without"' EXIT
cp "$example" "$with/"
for round in $(seq 1 "$rounds"); do
    for dir in "$without" "$with"; do
        label=$([ "$dir" = "$with" ] && echo "with example   " || echo "without        ")
        printf '%s round %d: ' "$label" "$round"
        # the options file as the unit passes it (start-and-measure.sh runs java from a scratch folder)
        MINIMAN_EXTENSIONS_DIR=$dir src/test/bench/start-and-measure.sh @"$PWD/provisioning/jvm.options"
    done
done
