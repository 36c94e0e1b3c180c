#!/usr/bin/env bash
# Turn results/starts.txt (bench/starts.sh: lines of
#   name | seed | options | processor | kernel | load | summary | curve)
# into LaTeX macros and the figure's data. For each configuration, named
# \Starts<Name><Field> with the name's numbers spelled (c-lstm-f1:
# CLstmFone): Mean, Lo and Hi, the mean, smallest and largest of its seeds'
# best validation losses; Seeds, how many; and Steps, its last step. Also
# \StartsProcessor, \StartsKernel, \StartsLoad (the highest load average
# seen), \StartsRuns. Writes DIR/starts-NAME.txt for each configuration:
# lines "step mean lo hi" of its validation curve over the seeds (at the
# steps every seed validated).
# Usage: starts-tex.sh DIR < results/starts.txt > DIR/starts.tex
set -eu
awk -F ' [|] ' -v dir="$1" -f "$(dirname "$0")/spell.awk" -f <(printf '%s\n' '
function macro(name, field, value) {
    printf "\\newcommand{\\Starts%s%s}{%s}\n", spell(name), field, value
}
NF == 8 {
    name = $1; sub(/ +$/, "", name)
    if (!(name in seeds)) order[++nnames] = name
    seeds[name]++
    n = split($7, kv, " ")
    for (i = 2; i <= n; i++) {
        split(kv[i], pair, "=")
        v[pair[1]] = pair[2]
    }
    best = "best_val" in v ? v["best_val"] : v["val_loss"]
    loss[name, seeds[name]] = best
    sum[name] += best
    if (!(name in lo) || best < lo[name]) lo[name] = best
    if (!(name in hi) || best > hi[name]) hi[name] = best
    steps[name] = v["steps"]
    n = split($8, pts, " ")
    for (i = 1; i <= n; i++) {
        split(pts[i], p, ":")
        k = p[1] + 0
        if (!((name, k) in csum)) { cstep[name, ++ncurve[name]] = k }
        csum[name, k] += p[2]; ccount[name, k]++
        if (!((name, k) in clo) || p[2] < clo[name, k]) clo[name, k] = p[2]
        if (!((name, k) in chi) || p[2] > chi[name, k]) chi[name, k] = p[2]
    }
    cpu = $4; kernel = $5; runs++
    split($6, l, " ")
    if (l[1] > load) load = l[1]
    if (l[2] > load) load = l[2]
    delete v
}
NF != 8 && NF > 0 { print "starts-tex: bad line " NR > "/dev/stderr"; bad = 1 }
END {
    for (j = 1; j <= nnames; j++) {
        name = order[j]
        macro(name, "Mean", sprintf("%.3f", sum[name] / seeds[name]))
        macro(name, "Lo", sprintf("%.3f", lo[name]))
        macro(name, "Hi", sprintf("%.3f", hi[name]))
        macro(name, "Seeds", seeds[name])
        macro(name, "Steps", steps[name])
        file = dir "/starts-" name ".txt"
        printf "" > file
        for (i = 1; i <= ncurve[name]; i++) {
            k = cstep[name, i]
            if (ccount[name, k] == seeds[name])
                printf "%d %.4f %.4f %.4f\n", k, csum[name, k] / seeds[name],
                    clo[name, k], chi[name, k] > file
        }
        close(file)
    }
    gsub(/[\\{}$&#^_%~]/, " ", cpu)
    printf "\\newcommand{\\StartsProcessor}{%s}\n", cpu
    printf "\\newcommand{\\StartsKernel}{%s}\n", kernel
    printf "\\newcommand{\\StartsLoad}{%s}\n", load
    printf "\\newcommand{\\StartsRuns}{%d}\n", runs
    exit bad
}')
