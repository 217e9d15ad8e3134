#!/usr/bin/env bash
# Runs every benchmark in one Maven run and gathers their figures in bot-adapter/target/benchmarks/summary.md.
# Pass -Dbench.* properties through, e.g.: scripts/benchmarks.sh -Dbench.events=300000 -Dbench.raiders=500
set -euo pipefail
cd "$(dirname "$0")/.."
out=bot-adapter/target/benchmarks
rm -rf "$out"
mvn -B -pl bot-adapter -am test -Dexcluded.groups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='DetectionEngineBenchmark,InfractionThroughputBenchmark,DeleteLatencyBenchmark,FanOutBenchmark,ReplayBenchmark,RaidHarness' \
    "$@"
# the delete path again at 1,000 clean messages/s (the first run had 200/s)
mvn -B -pl bot-adapter -am test -Dexcluded.groups= -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest=DeleteLatencyBenchmark -Dbench.background=1000 "$@"
{
  echo "# Warden benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '-')"
  echo
  echo "| path | Warden | baseline (same run) | ratio | target |"
  echo "|---|---|---|---|---|"
  cat "$out"/rows/*.md
  for f in "$out"/*.txt; do
    echo
    echo "## $(basename "$f" .txt)"
    echo
    echo '```'
    cat "$f"
    echo '```'
  done
} > "$out/summary.md"
echo "Summary: $out/summary.md"
