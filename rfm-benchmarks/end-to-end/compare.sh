#!/usr/bin/env bash
# Times `rfm segment` and the pandas way (rfm_pandas.py) on the same generated orders file and checks
# that they write the same rows.
#
#   compare.sh [LINES] [CUSTOMERS]      (default 10,000,000 lines over LINES / 10 customers)
#
# Needs the CLI built (mvn -B -ntp package -DskipTests) and Debian's python3-pandas. The file is
# generated once into $RFM_COMPARE_DIR (default /tmp/rfm-compare) and reused.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lines=${1:-10000000}
customers=${2:-$((lines / 10))}
dir=${RFM_COMPARE_DIR:-/tmp/rfm-compare}
jar="$root/rfm-cli/target/rfm.jar"
if [ ! -f "$jar" ]; then
    echo "no $jar: build it first with mvn -B -ntp package -DskipTests" >&2
    exit 2
fi
mkdir -p "$dir"
orders="$dir/orders-$lines-$customers.csv"
if [ ! -f "$orders" ]; then
    echo "generating $orders"
    /usr/bin/python3 "$here/generate_orders.py" "$orders" "$lines" "$customers"
fi

/usr/bin/time -f "%e %M" -o "$dir/rfm.time" java -jar "$jar" segment "$orders" --out "$dir/rfm.csv" 2>/dev/null
/usr/bin/time -f "%e %M" -o "$dir/pandas.time" /usr/bin/python3 "$here/rfm_pandas.py" "$orders" "$dir/pandas.csv"

read -r rfm_s rfm_kb < "$dir/rfm.time"
read -r pandas_s pandas_kb < "$dir/pandas.time"
printf '%-22s %10s %14s\n' "" "wall (s)" "peak RSS (MB)"
printf '%-22s %10s %14d\n' "rfm segment" "$rfm_s" $((rfm_kb / 1024))
printf '%-22s %10s %14d\n' "pandas (rfm_pandas.py)" "$pandas_s" $((pandas_kb / 1024))
awk -v a="$pandas_s" -v b="$rfm_s" 'BEGIN { printf "rfm is %.1f times as fast\n", a / b }'
if cmp -s "$dir/rfm.csv" "$dir/pandas.csv"; then
    echo "outputs identical: $(($(wc -l < "$dir/rfm.csv") - 1)) customers"
else
    echo "outputs differ:"
    diff "$dir/rfm.csv" "$dir/pandas.csv" | head -20
    exit 1
fi
