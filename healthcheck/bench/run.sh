#!/bin/sh
# Runs the checker benchmark harness (not part of the test suite; claims no numbers).
# Usage: healthcheck/bench/run.sh [servers delayLoopMs seconds maxInFlight threads]
# Compiles the module, builds the runtime classpath offline, raises the descriptor limit
# (one listener per real server) and launches bench/CheckerBench.java as a source file.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -o -q -pl healthcheck compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -o -q -pl healthcheck dependency:build-classpath -Dmdep.outputFile="$cp_file" \
    -Dmdep.includeScope=runtime
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
exec java -cp "healthcheck/target/classes:$(cat "$cp_file")" \
    healthcheck/bench/CheckerBench.java "$@"
