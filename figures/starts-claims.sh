#!/usr/bin/env bash
# The claims that the book makes about the starting points (Chapters
# "Learning", "Long short-term memory" and "Three cells compared"),
# checked against results/starts.txt (bench/starts.sh). Each configuration
# has a best validation loss per seed; a claim is one of
#   A below B      every seed of A ends lower than every seed of B:
#                  the largest of A's losses is below the smallest of B's;
#   A overlaps B   neither is below the other: the difference between them
#                  is within their spread over the seeds;
#   A under B X    the mean loss of A is below that of B by more than X;
# where A and B are configurations (the names of results/starts.txt).
# Fails, naming the claim, if one does not hold.
# Usage: starts-claims.sh results/starts.txt
set -eu
claims='
c-lstm-f0  below    c-lstm-f1        the forget bias of 1 costs the LSTM at char-rnn'"'"'s shape
c-lstm-u   below    c-lstm-f1        ... and PyTorch'"'"'s start does better too
c-lstm-f0  under    c-lstm-f1 0.1    ... by more than a tenth of a nat
c-lstm-f0  under    c-lstm-u 0       zero biases end lower than PyTorch'"'"'s on average
c-lstm-u   overlaps c-lstm-f0        ... within the seeds'"'"' spread
c-gru-zero overlaps c-gru-u          the GRU'"'"'s start makes no difference beyond the seeds'"'"'
c-rnn-zero overlaps c-rnn-u          ... nor the plain cell'"'"'s
rd-lstm-f0 below    rd-lstm-f1       at the larger shape the forget bias of 1 costs the LSTM too
rd-lstm-f0 under    rd-lstm-f1 0.1   ... by more than a tenth of a nat
'
awk -F ' [|] ' -v claims="$claims" '
  function fail(msg) { printf "starts-claims: %s\n", msg > "/dev/stderr"; bad = 1 }
  NF == 8 {
    name = $1; sub(/ +$/, "", name)
    n = split($7, kv, " ")
    for (i = 2; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
    x = "best_val" in v ? v["best_val"] : v["val_loss"]
    if (!(name in lo) || x < lo[name]) lo[name] = x
    if (!(name in hi) || x > hi[name]) hi[name] = x
    sum[name] += x; count[name]++
    delete v
  }
  END {
    n = split(claims, line, "\n")
    for (i = 1; i <= n; i++) {
      if (split(line[i], f, " ") < 3) continue
      a = f[1]; kind = f[2]; b = f[3]
      if (!(a in lo) || !(b in lo)) { fail("no runs of " a " or " b); continue }
      ma = sum[a] / count[a]; mb = sum[b] / count[b]
      if (kind == "below" && !(hi[a] < lo[b]))
        fail(sprintf("the book says every seed of %s ends below every seed of %s, but they end at %g..%g and %g..%g", a, b, lo[a], hi[a], lo[b], hi[b]))
      else if (kind == "overlaps" && (hi[a] < lo[b] || hi[b] < lo[a]))
        fail(sprintf("the book says %s and %s differ by less than their spread, but they end at %g..%g and %g..%g", a, b, lo[a], hi[a], lo[b], hi[b]))
      else if (kind == "under" && !(ma + f[4] < mb))
        fail(sprintf("the book says %s ends more than %s below %s, but their means are %g and %g", a, f[4], b, ma, mb))
      else if (kind != "below" && kind != "overlaps" && kind != "under")
        fail("unknown claim " kind)
    }
    exit bad
  }' "$1"
echo "starts-claims: all hold" >&2
