#!/usr/bin/env bash
# Turn a results file of bench/search.sh's form (lines of
#   name | options | processor | kernel | summary line [| more fields])
# into LaTeX macros, each named \<Prefix><Name><Field>, where Name is the
# run's name with its numbers spelled (10m: Tenm, pytorch-lstm: PytorchLstm)
# and Field one of Steps TrainLoss ValLoss ValBpc Speed Seconds BestStep
# BestVal (from the summary), Minutes (the options' --time), Processor and
# Kernel; and \<Prefix>Rows, the rows of a table of the runs: name, cell,
# layers x units, streams x steps, dropout, rate, steps, characters per
# second, and the best validation loss in nats, in bits per character and
# as a perplexity per character, e to the loss. Runs given a number of
# steps (--steps) rather than a time, whose speed says nothing when they
# share the machine, are rows of \<Prefix>StepRows instead: the characters
# per second give way to the step of the best loss.
# Usage: results-tex.sh Prefix < results.txt
set -eu
awk -F ' [|] ' -v P="$1" -f "$(dirname "$0")/spell.awk" -f <(printf '%s\n' '
function opt(name, otherwise,   n, w, i) {
    n = split($2, w, " ")
    for (i = 1; i < n; i++)
        if (w[i] == "--" name) return w[i + 1]
    return otherwise
}
function macro(field, value) {
    printf "\\newcommand{\\%s%s%s}{%s}\n", P, name, field, value
}
NF >= 5 {
    name = spell($1)
    n = split($5, kv, " ")
    for (i = 2; i <= n; i++) {
        split(kv[i], pair, "=")
        v[pair[1]] = pair[2]
    }
    macro("Steps", v["steps"]); macro("TrainLoss", v["train_loss"])
    macro("ValLoss", v["val_loss"]); macro("ValBpc", v["val_bpc"])
    macro("Speed", v["chars_per_sec"]); macro("Seconds", v["seconds"])
    best = "best_val" in v ? v["best_val"] : v["val_loss"]
    macro("BestStep", "best_step" in v ? v["best_step"] : v["steps"])
    macro("BestVal", best)
    t = opt("time", ""); sub(/m$/, "", t)
    if (t != "") macro("Minutes", t)
    macro("Processor", $3); macro("Kernel", $4)
    row = sprintf("%s & %s & %s$\\times$%s & %s$\\times$%s & %s & %s & %s & %s & %s & %.3f & %.2f \\\\\n",
        $1, opt("cell", "lstm"), opt("layers", 1), opt("hidden", 128),
        opt("batch", 32), opt("seq", 50), opt("dropout", 0), opt("lr", 0.002),
        v["steps"], opt("steps", "") == "" ? v["chars_per_sec"] \
        : ("best_step" in v ? v["best_step"] : v["steps"]), best,
        best / log(2), exp(best))
    if (opt("steps", "") == "") rows = rows row
    else steprows = steprows row
    delete v
}
NF < 5 && NF > 0 { print "results-tex: bad line " NR > "/dev/stderr"; bad = 1 }
END {
    printf "\\newcommand{\\%sRows}{%%\n%s}\n", P, rows
    printf "\\newcommand{\\%sStepRows}{%%\n%s}\n", P, steprows
    exit bad
}')
