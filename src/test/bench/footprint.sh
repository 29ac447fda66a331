#!/usr/bin/env bash
# The console's footprint as a box runs it (not a test): prints one "aim / measured / ok|MISSED" line per
# aim of issue #13. Prepares what install.sh does (the jar extracted, a class-data-sharing archive
# recorded by provisioning/record-archive, provisioning/jvm.options plus that archive), starts the console as the unit does
# (MALLOC_ARENA_MAX=2, 127.0.0.1) behind nginx with the box's site and Debian's gzip settings, then
# measures start to ready (a first start, then a restart with its data, which the rest runs on),
# Private_Dirty idle after one sign-in, growth over 20 more sessions in headless Chromium (Private_Dirty
# and live heap, both after a full GC), the login page's and the dashboard's bytes
# on the wire, push freshness on the Containers page, and the Docker list ratio (ContainersBenchmark in a
# JVM with the same flags), and the production bundle's size. Needs dockerd, the docker CLI, nginx, chromium
# and chromedriver.
#   src/test/bench/footprint.sh [extra jvm flags...]     e.g. -Xmn16m (a later flag wins)
# JAR=path skips the build; FOOTPRINT_LIST=0 skips the list ratio (it makes 200 containers, about a minute).
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ -z "${JAR:-}" ]; then
    ./mvnw -B -ntp -q -o package -DskipTests
fi
jar=$(realpath "${JAR:-target/miniman.jar}")
./mvnw -B -ntp -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
work=$(mktemp -d -p "$PWD/target" footprint.XXXXXX)
trap 'rm -rf -- "$work"' EXIT

# as install.sh does it, in a scratch folder
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null
java -cp "$work/app/$(basename "$jar")" io.miniman.update.StoredResources "$work/app/lib" >/dev/null
{ cat provisioning/jvm.options; printf '%s\n' "$@"; } > "$work/flags"
mkdir "$work/cds"
provisioning/record-archive "$work/flags" "$work/app/$(basename "$jar")" "$work/app.jsa" "$work/cds"
{ cat "$work/flags"; echo "-XX:SharedArchiveFile=$work/app.jsa"; } > "$work/jvm.options"
echo "flags: $(grep -v '^#' "$work/jvm.options" | tr '\n' ' ')"
unzip -Z1 "$jar" 'META-INF/VAADIN/webapp/VAADIN/build/*' | grep -E '\.(js|css)$' | while read -r file; do
    echo "$(unzip -p "$jar" "$file" | wc -c) $(unzip -p "$jar" "$file" | gzip -5 | wc -c)"
done | awk '{ raw += $1; gz += $2; n++ } END { printf "production bundle (every chunk, eager and lazy): %d files, %.0f kB, %.0f kB gzipped\n", n, raw / 1000, gz / 1000 }'

java -cp "$cp" io.miniman.bench.FootprintBenchmark "$work/jvm.options" "$work/app/$(basename "$jar")" | tee "$work/aims"

if [ "${FOOTPRINT_LIST:-1}" != 0 ]; then
    java @"$work/flags" -cp "$cp" io.miniman.docker.container.ui.ContainersBenchmark 5 > "$work/list" 2>&1 \
        || { tail -n 20 "$work/list" >&2; exit 1; }
    grep -E '^(containers on|list \+|  of which|docker ps)' "$work/list"
    ratio=$(sed -n 's/^ratio console \/ docker ps -a: //p' "$work/list")
    awk -v r="$ratio" 'BEGIN { printf "%-75s aim <=   1.5 x  / measured %7.2f x  / %s\n",
        "Docker list ratio (200 containers, list + first grid page / docker ps -a)", r, r <= 1.5 ? "ok" : "MISSED" }' \
        | tee -a "$work/aims"
fi
echo
echo "== aims"
grep -E ' / (ok|MISSED)$' "$work/aims"
