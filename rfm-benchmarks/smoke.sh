#!/usr/bin/env bash
# Runs every benchmark once, briefly and on small inputs, to prove the benchmark jar works. The
# figures mean nothing; real runs are in RESULTS.md. Expects the jar built (mvn package).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=rfm-benchmarks/target/benchmarks.jar
benchmarks='ScoreClassifyBenchmark|[.]FitBenchmark|IngestionBenchmark|EndToEndBenchmark|[.]KMeansBenchmark'
if [ -f ../shared/data/cdnow.csv ]; then
    benchmarks="$benchmarks|ClvFitBenchmark"
else
    echo "../shared/data/cdnow.csv not found: ClvFitBenchmark left out"
fi
# one short iteration each; the smallest size of every size parameter; Lloyd (minutes a fit) left out
# the lock only guards against two runs timing each other; a smoke run times nothing
java -Djmh.ignoreLock=true -jar "$jar" "$benchmarks" \
    -f 1 -wi 0 -i 1 -r 100ms -bm avgt \
    -p size=100000 -p customers=1000000 -p shape=SKEWED -p money=CENTS -p strategy=QUANTILE \
    -jvmArgs "-Xms1g -Xmx3g" -foe true
