#!/bin/bash
# Image import/export through the console's services against docker load/save by hand, for a ~500 MB
# image, and the heap of the JVM doing it (sampled by jstat every 0.5 s: it must stay flat, since
# archives stream and never sit in the heap). Run from the worktree after `./mvnw -o test-compile`:
#   src/test/bench/transfer-throughput.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/../../.."
size_mb="${1:-500}"
tag="mmt-bench/transfer:1"
work="$(mktemp -d -p "$PWD/target" bench.XXXXXX)"
trap 'rm -rf -- "$work"; docker rmi -f "$tag" >/dev/null 2>&1 || true' EXIT

# a FROM scratch image with one incompressible layer of SIZE_MB
mkdir -p "$work/ctx"
head -c "$((size_mb * 1024 * 1024))" /dev/urandom > "$work/ctx/blob"
printf 'FROM scratch\nCOPY blob /blob\n' > "$work/ctx/Dockerfile"
DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$work/ctx" >/dev/null
rm -f "$work/ctx/blob"

seconds() { local s; s=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $s" | bc; }
cli_save=$(seconds docker save -o "$work/cli.tar" "$tag")
docker rmi "$tag" >/dev/null
cli_load=$(seconds sh -c "docker load -i '$work/cli.tar' >/dev/null")

./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="target/classes:target/test-classes:$(cat "$work/cp.txt")"
java -Xmx128m -XX:+UseSerialGC -cp "$cp" io.miniman.docker.transfer.TransferBenchmark "$tag" "$work" > "$work/java.out" &
pid=$!
sleep 1
jstat -gc "$pid" 500 > "$work/heap.txt" 2>/dev/null &
jstat_pid=$!
wait "$pid"
kill "$jstat_pid" 2>/dev/null || true
read -r svc_save svc_load < "$work/java.out"
# heap used = S0U+S1U+EU+OU (KiB), columns 3,4,6,8 of jstat -gc
heap=$(awk 'NR>1 {u=($3+$4+$6+$8)/1024; if (min==""||u<min) min=u; if (u>max) max=u} END {printf "%.1f-%.1f MiB", min, max}' "$work/heap.txt")
mb=$(du -m "$work/cli.tar" | cut -f 1)
printf 'archive %s MB\n' "$mb"
printf 'save: docker save %.1f s (%.0f MB/s), console export %.1f s (%.0f MB/s), ratio %.2f\n' \
    "$cli_save" "$(echo "$mb / $cli_save" | bc -l)" "$svc_save" "$(echo "$mb / $svc_save" | bc -l)" "$(echo "$svc_save / $cli_save" | bc -l)"
printf 'load: docker load %.1f s (%.0f MB/s), console import %.1f s (%.0f MB/s), ratio %.2f\n' \
    "$cli_load" "$(echo "$mb / $cli_load" | bc -l)" "$svc_load" "$(echo "$mb / $svc_load" | bc -l)" "$(echo "$svc_load / $cli_load" | bc -l)"
printf 'console heap used during both (-Xmx128m): %s\n' "$heap"
