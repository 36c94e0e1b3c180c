#!/usr/bin/env bash
# The book's sentences about results/*.txt (Chapters "Recipes" and "Three
# cells compared") compare numbers of those files; this checks that each
# comparison holds for the files as they are, and fails the build with the
# claim that does not. Run from the repository root.
set -eu
# field FILE RUN FIELD: a field of a run's summary line (best_val falls
# back to val_loss for runs that validate only at the end).
field() {
    awk -F ' [|] ' -v run="$2" -v f="$3" '
    { n = $1; sub(/ +$/, "", n) }
    n == run { k = split($5, kv, " ")
               for (i = 2; i <= k; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
               if (f == "best_val" && !("best_val" in v)) f = "val_loss"
               print v[f]; found = 1; exit }
    END { if (!found) exit 1 }' "$1" \
        || { echo "results-claims: no run $2 in $1" >&2; exit 1; }
}
# less A B CLAIM: A < B, or the claim is false.
less() {
    awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }' \
        || { echo "results-claims: false: $3 ($1 against $2)" >&2; exit 1; }
}
s=results/search.txt
c=results/cells.txt p=results/pytorch.txt
less "$(field $s 2m-5 best_val)" "$(field $s 2m-6 best_val)" \
    "the GRU (2m-5) lower than the LSTM of its shape (2m-6)"
less "$(field $s 2m-4 best_val)" "$(field $s 2m-3 best_val)" \
    "smaller steps at a larger rate (2m-4) lower than char-rnn's (2m-3)"
less "$(field $s 10m-2 best_val)" "$(field $s 10m-1 best_val)" \
    "the ten-minute GRU (10m-2) lower than the LSTM (10m-1)"
less "$(field $s 10m-2 chars_per_sec)" "$(field $s 10m-1 chars_per_sec)" \
    "the ten-minute GRU read fewer characters a second than the LSTM"
less "$(field $s 10m-1 steps)" "$(field $s 10m-2 steps)" \
    "the ten-minute GRU took more steps than the LSTM"
less "$(awk -v n="$(field $s 10m-2 steps)" 'BEGIN { print 2 * n }')" \
    "$(field $s 10m-3 steps)" \
    "the ten-minute GRU alone took several times the steps it took under load"
less "$(awk -v t="$(field $s 10m-3 train_loss)" 'BEGIN { print t + 0.3 }')" \
    "$(field $s 10m-3 best_val)" \
    "the ten-minute GRU alone: training loss far below the validation loss"
less "$(field $p pytorch-lstm steps)" "$(field $c lstm steps)" \
    "rnn's LSTM took more steps than PyTorch's in the same time"
less "$(field $p pytorch-lstm chars_per_sec)" "$(field $c lstm chars_per_sec)" \
    "rnn's LSTM read more characters a second than PyTorch's"
less "$(field $c lstm best_val)" "$(field $p pytorch-lstm best_val)" \
    "rnn's LSTM ended lower than PyTorch's in the same time"
less "$(field $c gru best_val)" "$(field $c lstm best_val)" \
    "the GRU ended lower than the LSTM in the same time"
less "$(field $c gru best_val)" "$(field $c rnn best_val)" \
    "the GRU ended lower than the plain cell in the same time"
echo "results-claims: all hold"
