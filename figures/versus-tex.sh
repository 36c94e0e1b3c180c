#!/usr/bin/env bash
# rnn against PyTorch's own start, step for step (Chapter "Three cells
# compared"), from results/versus.txt (bench/versus.sh: lines of
#   name | options | processor | kernel | summary | load | curve
# named rnn-CELL or pytorch-CELL for seed 1, with -SEED after for others).
# Writes LaTeX macros: \VersusRows, the rows of a table, one per cell: the
# cell, then for rnn and for PyTorch the best validation loss of each seed
# and their mean; \Versus<Who><Cell>Mean and \Versus<Who><Cell>One, the
# mean and the loss of seed 1 (Who: Rnn or Pytorch; Cell: Rnn, Lstm,
# Gru); \Versus<Cell>Gap, how far apart the two means are; \VersusSeeds,
# \VersusSteps and \VersusProcessor. Then it checks the claims that the
# chapter makes, and fails naming the one that does not hold: for the LSTM
# every seed of rnn ends below every seed of PyTorch; for the GRU and the
# plain cell the two programs' seeds overlap, and their means differ by
# less than the range of either program's seeds.
# Usage: versus-tex.sh < results/versus.txt > DIR/versus.tex
set -eu
awk -F ' [|] ' '
function cap(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
NF >= 5 {
    name = $1; sub(/ +$/, "", name)
    n = split(name, part, "-")
    who = part[1]; cell = part[2]; seed = n > 2 ? part[3] : 1
    k = split($5, kv, " ")
    for (i = 2; i <= k; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
    x = "best_val" in v ? v["best_val"] : v["val_loss"]
    loss[who, cell, seed] = x; sum[who, cell] += x; count[who, cell]++
    if (seed > seeds) seeds = seed
    steps = v["steps"]
    if (who == "rnn") cpu = $3
    if (!((who, cell) in lo) || x < lo[who, cell]) lo[who, cell] = x
    if (!((who, cell) in hi) || x > hi[who, cell]) hi[who, cell] = x
    delete v
}
function claim(ok, what) {
    if (!ok) { printf "versus-tex: false: %s\n", what > "/dev/stderr"; bad = 1 }
}
END {
    split("rnn lstm gru", cells, " ")
    split("plain LSTM GRU", label, " ")
    for (c = 1; c <= 3; c++) {
        cell = cells[c]; row = label[c]
        for (w = 1; w <= 2; w++) {
            who = w == 1 ? "rnn" : "pytorch"
            if (count[who, cell] != seeds) {
                printf "versus-tex: %s %s has %d runs, not %d\n", who, cell,
                    count[who, cell], seeds > "/dev/stderr"; bad = 1
            }
            for (s = 1; s <= seeds; s++) row = row sprintf(" & %.3f", loss[who, cell, s])
            mean[who] = sum[who, cell] / count[who, cell]
            row = row sprintf(" & \\textbf{%.3f}", mean[who])
            printf "\\newcommand{\\Versus%s%sMean}{%.3f}\n", cap(who), cap(cell), mean[who]
            printf "\\newcommand{\\Versus%s%sOne}{%.3f}\n", cap(who), cap(cell), loss[who, cell, 1]
        }
        rows = rows row " \\\\\n"
        d = mean["rnn"] - mean["pytorch"]
        printf "\\newcommand{\\Versus%sGap}{%.3f}\n", cap(cell), d < 0 ? -d : d
        if (cell == "lstm")
            claim(hi["rnn", cell] < lo["pytorch", cell],
                  "every seed of rnn'"'"'s LSTM ends below every seed of PyTorch'"'"'s")
        else {
            claim(hi["rnn", cell] >= lo["pytorch", cell] \
                  && hi["pytorch", cell] >= lo["rnn", cell],
                  "the seeds of rnn'"'"'s and PyTorch'"'"'s " cell " overlap")
            claim(d < hi["rnn", cell] - lo["rnn", cell] \
                  && -d < hi["rnn", cell] - lo["rnn", cell] \
                  && d < hi["pytorch", cell] - lo["pytorch", cell] \
                  && -d < hi["pytorch", cell] - lo["pytorch", cell],
                  "the means of rnn'"'"'s and PyTorch'"'"'s " cell \
                  " differ by less than the range of either'"'"'s seeds")
        }
    }
    gsub(/[\\{}$&#^_%~]/, " ", cpu)
    printf "\\newcommand{\\VersusRows}{%%\n%s}\n", rows
    printf "\\newcommand{\\VersusSeeds}{%d}\n\\newcommand{\\VersusSteps}{%s}\n", seeds, steps
    printf "\\newcommand{\\VersusProcessor}{%s}\n", cpu
    exit bad
}'
