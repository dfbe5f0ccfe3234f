#!/usr/bin/python3
"""Runs a command and prints, every 100 ms, the processor time its threads took and the machine's idle
time, in clock ticks (10 ms each; two cores give 20 a row). Compiler threads are summed as C1 and C2,
collector threads as GC.

    thread_cpu.py java -jar rfm-cli/target/rfm.jar segment ORDERS --out OUT --timings
"""
import collections
import os
import subprocess
import sys
import time

MACHINE = ("idle", "steal")


def thread_ticks(pid):
    """Processor ticks so far (user and system) by thread id, with each thread's name."""
    ticks = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        ticks[tid] = (name, int(fields[11]) + int(fields[12]))
    return ticks


def group(name):
    if name.startswith(("C1 Comp", "C2 Comp")):
        return name[:2]
    if name.startswith(("GC", "G1")):
        return "GC"
    return name


def machine_ticks():
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    return {"idle": values[3], "steal": values[7]}


def main():
    process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    start = time.time()
    before, machine_before = {}, machine_ticks()
    rows = []
    while process.poll() is None:
        try:
            now = thread_ticks(process.pid)
        except OSError:
            break
        machine_now = machine_ticks()
        row = collections.Counter()
        for tid, (name, ticks) in now.items():
            row[group(name)] += ticks - before.get(tid, (name, 0))[1]
        for key in MACHINE:
            row[key] = machine_now[key] - machine_before[key]
        before, machine_before = now, machine_now
        rows.append((time.time() - start, row))
        time.sleep(0.1)
    sys.stderr.write(process.stderr.read().decode())
    totals = collections.Counter()
    for _, row in rows:
        totals.update({k: v for k, v in row.items() if k not in MACHINE})
    columns = [k for k, _ in totals.most_common(6)] + list(MACHINE)
    print("time   threads " + " ".join("%9s" % c[:9] for c in columns))
    for at, row in rows:
        threads = sum(v for k, v in row.items() if k not in MACHINE)
        print("%5.2f %8d " % (at, threads) + " ".join("%9d" % row[c] for c in columns))


if __name__ == "__main__":
    main()
