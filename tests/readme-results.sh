#!/usr/bin/env bash
# The README's table of recipes comes from results/recipes.txt (make
# results). With --print, print the table; otherwise check that the README
# has it, line for line, and fail naming the first line it lacks.
# Run from the repository root (make lint runs it).
set -eu
table() {
    echo '| recipe | model | steps | chars/s | best validation loss (nats) | bits per char | seconds |'
    echo '|---|---|---|---|---|---|---|'
    awk -F ' [|] ' '
    function opt(name,   n, w, i) {
        n = split($2, w, " ")
        for (i = 1; i < n; i++) if (w[i] == "--" name) return w[i + 1]
        return "?"
    }
    # ", NAME VALUE" for a regulariser in use, else nothing.
    function named(name, value) {
        return value == "?" || value + 0 == 0 ? "" : ", " name " " value
    }
    NF >= 5 {
        name = $1; sub(/ +$/, "", name)
        k = split($5, kv, " ")
        for (i = 2; i <= k; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
        best = "best_val" in v ? v["best_val"] : v["val_loss"]
        reg = named("weight decay", opt("weight-decay")) \
              named("weight drop", opt("weight-drop"))
        printf "| `--recipe %s` | %s %sx%s, %sx%s, dropout %s%s, rate %s | %s | %s | %s | %.3f | %s |\n",
            name, toupper(opt("cell")), opt("layers"), opt("hidden"),
            opt("batch"), opt("seq"), opt("dropout"), reg, opt("lr"),
            v["steps"], v["chars_per_sec"], best, best / log(2), v["seconds"]
        delete v
    }' results/recipes.txt
}
if [ "${1:-}" = --print ]; then table; exit 0; fi
while IFS= read -r line; do
    grep -qxF -- "$line" README.md || {
        echo "readme-results: README.md lacks this line of the recipes' table" \
             "(bash tests/readme-results.sh --print):" >&2
        echo "  $line" >&2
        exit 1
    }
done < <(table)
