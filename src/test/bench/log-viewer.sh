#!/usr/bin/env bash
# Log viewer benchmark (not a test): 1 then 5 headless Chromiums at 360x640 follow a container writing
# 1,000 lines/s, then 10,000 lines/s, on the packaged jar; prints lag, input wait and heap figures.
#   src/test/bench/log-viewer.sh                                   # 300 s steady, 10 s burst
#   src/test/bench/log-viewer.sh -Dbench.steady=60 -Dbench.jvm="-Xmx256m -XX:+UseSerialGC"
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ -f target/miniman.jar ] || ./mvnw -B -ntp -q package -DskipTests
./mvnw -B -ntp -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.miniman.browser.LogViewerBenchmark "$@"
