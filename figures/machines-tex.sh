#!/usr/bin/env bash
# The numbers and tables of the chapter "Many machines", as LaTeX, from the
# measurements that bench/machines.sh made (bench/machines.txt): medians of
# the step times, the local all-reduce, the loss curves of one and two
# processes, and the time per step that the cost model predicts for 1 to
# 512 machines.
# Usage: figures/machines-tex.sh bench/machines.txt > machines.tex
set -eu
awk -F= '
function median(key,   n, i, j, v, t) {
    n = split(all[key], v, " ")
    for (i = 1; i <= n; i++)
        for (j = i + 1; j <= n; j++)
            if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function fail(what) { print "machines-tex: " what > "/dev/stderr"; exit 1 }
function ceil_log2(p,   k) { k = 0; while (2 ^ k < p) k++; return k }
# Seconds per step on P machines: compute C (seconds for 50 streams)
# scaled to B/P streams, and the all-reduce of n floats, eq. (dp-cost).
function step(C, n, B, P, gbit, alpha) {
    return C * B / P / 50 + 2 * (P - 1) / P * 4 * n / (gbit * 1e9 / 8) \
           + 2 * ceil_log2(P) * alpha
}
# The speed-up over one machine: (B / 50) C / step, for a batch of 50
# streams per machine (B = 50 P) or of 512 in all.
function row(name, C, n, perP, gbit, alpha,   i, P, B, s) {
    s = name (perP ? " & 50 each" : " & 512 in all") " & " gbit
    for (i = 1; i <= 5; i++) {
        P = ps[i]; B = perP ? 50 * P : 512
        s = s sprintf(" & %.1f", B / 50 * C / step(C, n, B, P, gbit, alpha))
    }
    print s " \\\\"
}
{ key = $1; val = substr($0, length($1) + 2)
  all[key] = (key in all) ? all[key] " " val : val; last[key] = val }
END {
    small = median("small_np1_t1") / 1000; large = median("large_np1_t1") / 1000
    ar = last["allreduce_239297"] / 1e6
    printf "\\newcommand\\MachinesCPU{%s}\n", last["machine"]
    printf "\\newcommand\\MachinesDate{%s}\n", last["date"]
    printf "\\newcommand\\MachinesLoad{%s and %s}\n", last["load_before"],
           last["load_after"]
    printf "\\newcommand\\MachinesOneOne{%.0f}\n", median("small_np1_t1")
    printf "\\newcommand\\MachinesTwoOne{%.0f}\n", median("small_np2_t1")
    printf "\\newcommand\\MachinesOneTwo{%.0f}\n", median("small_np1_t2")
    printf "\\newcommand\\MachinesRuns{%s}\n", all["small_np1_t1"] " / " \
           all["small_np2_t1"] " / " all["small_np1_t2"]
    printf "\\newcommand\\MachinesLarge{%.2f}\n", large
    printf "\\newcommand\\MachinesArSmall{%.2f}\n", ar * 1000
    printf "\\newcommand\\MachinesArLarge{%.1f}\n",
           last["allreduce_3316289"] / 1000
    predict = (small / 2 + ar) * 1000
    printf "\\newcommand\\MachinesPredictTwo{%.0f}\n", predict
    two = median("small_np2_t1"); one = median("small_np1_t1")
    lt = last["large_np2_t1"] / 1000
    printf "\\newcommand\\MachinesSpeedup{%.1f}\n", one / two
    printf "\\newcommand\\MachinesLargeTwo{%.2f}\n", lt
    sh = 100 * ar * 1000 / two; shl = 100 * last["allreduce_3316289"] / 1e6 / lt
    printf "\\newcommand\\MachinesArShareSmall{%.1f}\n", sh
    printf "\\newcommand\\MachinesArShareLarge{%.1f}\n", shl
    # What the text says of these numbers.
    if (!(two < one && lt < large))
        fail("two processes are not faster than one with one thread")
    if (!(two > predict))
        fail("two processes are not short of the prediction")
    t2 = median("small_np1_t2")
    if (!(t2 < 1.25 * two && two < 1.25 * t2))
        fail("two threads and two processes are not about as fast")
    n = split(all["small_np2_t1"], v, " "); lo = hi = v[1]
    for (i = 2; i <= n; i++) { lo = v[i] < lo ? v[i] : lo; hi = v[i] > hi ? v[i] : hi }
    if (!(sh < 100 * (hi - lo) / two && shl < 2))
        fail("the all-reduce is not below the spread of the step times")
    print "\\newcommand\\MachinesCurve{"
    for (s = 100; s <= 300; s += 100) {
        split(last["curve_np1_" s], a, " "); split(last["curve_np2_" s], b, " ")
        printf "%d & %s & %s & %s & %s \\\\\n", s, a[1], b[1], a[2], b[2]
    }
    print "}"
    ps[1] = 1; ps[2] = 2; ps[3] = 8; ps[4] = 64; ps[5] = 512
    print "\\newcommand\\MachinesPredicted{"
    for (g = 1; g <= 2; g++) {
        gbit = g == 1 ? 10 : 100; alpha = g == 1 ? 20e-6 : 5e-6
        row("$2 \\times 128$", small, 239297, 1, gbit, alpha)
        row("$2 \\times 128$", small, 239297, 0, gbit, alpha)
        row("$2 \\times 512$", large, 3316289, 1, gbit, alpha)
        row("$2 \\times 512$", large, 3316289, 0, gbit, alpha)
    }
    print "}"
}' "$1"
