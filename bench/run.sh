#!/usr/bin/env bash
# Benchmark (contract): bench/run.sh --persons N --out FILE [--scale-curve] [--requests R] [--throughput-seconds S] [--warm-up-seconds W]
# Also: bench/run.sh --import-profile --persons N [--batch-size B] (time per import phase);
#       bench/run.sh --soak MINUTES [--persons N] (8 clients of mixed reads, an import a minute; default 20,000 people);
#       bench/run.sh --charts-from FILE (redraw the SVG charts of a run).
# Generates a fictional population with seed, imports it into a fresh embedded store, starts the
# application on it and measures every named query as raw Cypher and through GraphQL. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f api/target/safeguarding-explorer.jar || ! -f seed/target/seed.jar ]]; then
  ./mvnw -B -q -DskipTests package
fi
mkdir -p bench/work bench/results
exec java -Xmx6g -jar seed/target/seed.jar bench "$@"
