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
# sum A B: A + B.
sum() { awk -v a="$1" -v b="$2" 'BEGIN { print a + b }'; }
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
less "$(sum "$(field $s 10m-3 train_loss)" 0.3)" \
    "$(field $s 10m-3 best_val)" \
    "the ten-minute GRU alone: training loss far below the validation loss"
less "$(field $s 10m-3 steps)" "$(field $s 10m-a steps)" \
    "ten minutes buy the GRU of 2x256 more steps on the second machine"
less "$(sum "$(field $s 10m-a train_loss)" 0.25)" \
    "$(field $s 10m-a best_val)" \
    "the old ten-minute recipe, given this machine's steps, over-fits"
less "$(field $s 10m-b best_val)" "$(field $s 10m-a best_val)" \
    "the wider GRU with more dropout (10m-b) lower than 10m-a"
less "$(field $s 10m-f best_val)" "$(field $s 10m-b best_val)" \
    "averaging the weights (10m-f) lower than 10m-b"
less "$(field $s 10m-b best_val)" \
    "$(sum "$(field $s 10m-f best_val)" 0.005)" \
    "averaging the weights (10m-f) moved 10m-b's loss only a little"
less "$(field $s 10m-c best_val)" "$(field $s 10m-f best_val)" \
    "the LSTM of 2x384 (10m-c) lowest of the second search"
less "$(field $s 10m-c steps)" "$(field $s 10m-b steps)" \
    "the LSTM of 2x384 took fewer steps than the GRU of its width"
# The spread of the LSTM's seeds at the first ten-minute recipe's shape,
# from its start at 0 (results/starts.txt: name | seed | options | ...,
# the summary in the seventh field).
spread=$(awk -F ' [|] ' '$1 ~ /^rd-lstm-f0 *$/ {
    n = split($7, kv, " ")
    for (i = 2; i <= n; i++) {
        split(kv[i], p, "="); if (p[1] == "best_val") b = p[2] }
    if (lo == "" || b < lo) lo = b; if (hi == "" || b > hi) hi = b }
    END { print hi - lo }' results/starts.txt)
lead=$(sum "$(field $s 10m-f best_val)" "-$(field $s 10m-c best_val)")
less "$lead" "$spread" \
    "the LSTM's lead in the second search is less than the seeds' spread"
for run in 1m-b 1m-c 1m-d 1m-e; do
    less "$(field $s 1m-a best_val)" "$(field $s $run best_val)" \
        "the GRU of 2x256 (1m-a) lowest of the one-minute runs, below $run"
done
r=results/recipes.txt
less "$(field $r 10m best_val)" "$(field $s 60m-1 best_val)" \
    "the hour's run (60m-1) at its best above the ten-minute recipe"
less "$(field $s 60m-1 best_step)" "$(field $s 60m-1 steps)" \
    "the hour's run was lowest before it was stopped"
less "$(sum "$(field $s 60m-1 best_val)" 0.03)" \
    "$(field $s 60m-1 val_loss)" "the hour's run: its validation loss rose"
less "$(sum "$(field $s 60m-1 train_loss)" 0.3)" \
    "$(field $s 60m-1 val_loss)" \
    "the hour's run: training loss far below the validation loss"
half=$(awk -v a="$(field $s 60m-1 chars_per_sec)" \
    -v b="$(field $r 10m chars_per_sec)" 'BEGIN { print a / b }')
less 0.4 "$half" "the hour's model reads about half the ten-minute's speed"
less "$half" 0.6 "the hour's model reads about half the ten-minute's speed"
less "$(field $s 60m-2 best_val)" "$(field $r 10m best_val)" \
    "the hour's run with a weight decay of 0.1 (60m-2) below the ten minutes'"
less "$(field $s 60m-2 best_step)" "$(field $s 60m-2 steps)" \
    "60m-2 was lowest before its end"
less "$(field $s 60m-2 best_val)" "$(field $s 60m-2 val_loss)" \
    "60m-2 overfitted: its last validation loss above its best"
# joined A B FROM TO: "STEP LOSS-A LOSS-B" for each validation of both runs
# from step FROM to step TO (their logs in results/logs: step, train_loss,
# val_loss, ...).
joined() {
    awk -F , -v from="$3" -v to="$4" '
        NR == FNR { if ($3 != "") v[$1] = $3; next }
        $3 != "" && ($1 in v) && $1 >= from && $1 <= to {
            print $1, v[$1], $3 }' "results/logs/$1.csv" "results/logs/$2.csv"
}
# above A B M [FROM [TO]]: 1 if run B's validation loss was above run A's
# by at least the margin M at every validation of both, from step FROM to
# step TO if given, at three or more.
above() {
    joined "$1" "$2" "${4:-0}" "${5:-1e18}" | awk -v m="$3" '
        { n++; if ($3 < $2 + m) low = 1 } END { print (n >= 3 && !low) }'
}
less "$(field $s 60m-5 best_val)" 1.40 \
    "the hour's run dropping recurrent weights (60m-5) below 1.40"
less "$(field $r 60m best_val)" 1.40 "the hour's recipe below 1.40"
less 0 "$(above 60m-5 60m-2 0 6000)" \
    "60m-5 below 60m-2 at every validation from step 6000 on"
less 0 "$(above 60m-2 60m-5 0 0 3000)" \
    "60m-5 above 60m-2 at its first three validations"
# widening A B FROM: 1 if run B's validation loss was below run A's by more
# at each validation of both from step FROM on, at three or more.
widening() {
    joined "$1" "$2" "$3" 1e18 | awk '{ n++; gap = $2 - $3
        if (n > 1 && gap <= last) narrow = 1; last = gap }
        END { print (n >= 3 && !narrow) }'
}
less 0 "$(widening 60m-2 60m-5 6000)" \
    "60m-5 below 60m-2 by more at each validation from step 6000 on"
less "$(sum "$(field $s 60m-5 steps)" -1000)" "$(field $s 60m-5 best_step)" \
    "60m-5 at its best in its last thousand steps"
less "$(field $s 60m-5 best_val)" "$(sum "$(field $s 60m-2 best_val)" -0.02)" \
    "60m-5 at its best a fiftieth of a nat below 60m-2"
less "$(field $s 60m-6 best_val)" 1.40 "60m-5 from seed 2 (60m-6) below 1.40"
seeds=$(awk -v a="$(field $s 60m-5 best_val)" -v b="$(field $s 60m-6 best_val)" \
    'BEGIN { d = a - b; print d < 0 ? -d : d }')
gain=$(sum "$(field $s 60m-2 best_val)" "-$(field $s 60m-5 best_val)")
less "$(awk -v d="$seeds" 'BEGIN { print 5 * d }')" "$gain" \
    "the seeds of the hour's recipe differ by less than a fifth of its gain"
less 0 "$(above 60m-2 60m-3 0.05)" \
    "60m-3 above 60m-2 by a twentieth of a nat at every validation"
less 0 "$(above 60m-2 60m-4 0)" "60m-4 above 60m-2 at every validation"
less "$(field $p pytorch-lstm steps)" "$(field $c lstm steps)" \
    "rnn's LSTM took more steps than PyTorch's in the same time"
less "$(field $p pytorch-lstm chars_per_sec)" "$(field $c lstm chars_per_sec)" \
    "rnn's LSTM read more characters a second than PyTorch's"
less "$(field $p pytorch-lstm best_val)" "$(field $c lstm best_val)" \
    "rnn's LSTM, over-fitted, ended higher than PyTorch's in the same time"
less "$(sum "$(field $c lstm train_loss)" 0.3)" \
    "$(field $c lstm best_val)" \
    "rnn's LSTM: training loss far below the validation loss"
less "$(field $c lstm train_loss)" "$(field $p pytorch-lstm train_loss)" \
    "rnn's LSTM: training loss below PyTorch's"
less "$(field $c gru best_val)" "$(field $c lstm best_val)" \
    "the GRU ended lower than the LSTM in the same time"
less "$(field $c gru best_val)" "$(field $c rnn best_val)" \
    "the GRU ended lower than the plain cell in the same time"
echo "results-claims: all hold"
