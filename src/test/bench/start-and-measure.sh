#!/usr/bin/env bash
# Start-up benchmark (not a test): starts a console jar on an empty data dir with the JVM flags given,
# prints seconds from launch to the first 200 from /login, the JVM's CPU seconds by then, and the
# resident memory after 10 idle seconds.
#   JAR=target/miniman.jar src/test/bench/start-and-measure.sh [jvm flags...]
set -euo pipefail
jar=$(realpath "${JAR:-target/miniman.jar}")
dir=$(mktemp -d)
# as on the device, not from a source tree: a project folder as working directory slows Vaadin's start
cd "$dir"
port=$((20000 + RANDOM % 10000))
start=$(date +%s.%N)
MINIMAN_DATA_DIR=$dir/data MINIMAN_PORT=$port MINIMAN_ADMIN_PASSWORD=Bench-initial-1 \
    java "$@" -jar "$jar" >"$dir/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { tail "$dir/log"; exit 1; }
    sleep 0.05
done
end=$(date +%s.%N)
read -r user_ticks system_ticks < <(awk '{print $14, $15}' "/proc/$pid/stat")
ticks=$(getconf CLK_TCK)
sleep 10
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
awk -v s="$start" -v e="$end" -v u="$user_ticks" -v k="$system_ticks" -v t="$ticks" -v r="$rss" \
    'BEGIN { printf "ready %.2f s, cpu %.2f s, rss idle %d MB\n", e - s, (u + k) / t, r }'
