#!/usr/bin/env bash
# The claims that Chapter "What the network learned" makes in fixed words
# about build/measure's measurements (see learned-tex.sh), checked; fails,
# naming the claim, if one does not hold:
#   - every order of n-gram model, from 1 to 5, predicts the held-out
#     text better than the order below it;
#   - each model's loss on the held-out text read in one stream is within
#     0.1 bits per character of its validation loss, which reads it in
#     as many streams as the run trains (the runs' summaries,
#     DIR/{rnn,lstm,gru}.out);
#   - the features vary on the held-out text: every passage shown has
#     two different values of its feature (a unit's correlation with a
#     constant would be no measurement).
# Usage: learned-claims.sh DIR
set -eu
dir=$1
fail() { echo "learned-claims: $*" >&2; exit 1; }
awk '$1 == "ngram" { split($2, o, "="); split($4, b, "="); bpc[o[2]] = b[2] + 0; n++ }
     END { if (n < 5) { print "learned-claims: fewer than 5 orders" > "/dev/stderr"; exit 1 }
           for (k = 1; k < n; k++) if (!(bpc[k + 1] < bpc[k])) {
             printf "learned-claims: the n-gram model of order %d (%.4f bits) is no better than that of order %d (%.4f)\n", \
               k + 1, bpc[k + 1], k, bpc[k] > "/dev/stderr"; exit 1 } }' "$dir/ngram.txt"
for cell in rnn lstm gru; do
  one=$(sed -n 's/^inside .* bpc=\([0-9.]*\)$/\1/p' "$dir/$cell-inside.txt")
  val=$(sed -n 's/^done .* val_bpc=\([0-9.]*\) .*/\1/p' "$dir/$cell.out")
  [ -n "$one" ] && [ -n "$val" ] || fail "$cell: no held-out loss"
  awk -v a="$one" -v b="$val" 'BEGIN { d = a - b; exit !(d < 0.1 && d > -0.1) }' \
    || fail "$cell: the held-out text in one stream costs $one bits per character, its validation $val"
done
for f in brace math string column code; do
  for cell in rnn lstm gru; do
    awk -v f=$f '$1 == "feature" && $2 == f { split($6, r, "="); exit r[2] + 0 == 0 }' \
      "$dir/$cell-inside.txt" \
      || fail "$cell: the feature $f does not vary on the held-out text"
  done
done
