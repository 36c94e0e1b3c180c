#!/usr/bin/env bash
# How far back the gradient reaches, from build/measure reach's tables for the three
# cells (DIR/rnn-reach.txt, DIR/lstm-reach.txt, DIR/gru-reach.txt: R tables
# of the trained model at measurement seeds 1..R, then R of untrained models
# of seeds 1..R; lines "k gamma_h [gamma_c]"), and for an LSTM started with
# its forget gate's bias at 1 (DIR/lstm1-reach.txt, of which only the
# untrained models matter: its "trained" model took one step).
#
# For each table it fits the decay rate lambda, the least-squares slope of
# -ln gamma(k) against k over the lags 10 <= k <= 50, and writes LaTeX
# macros for the book:
#   \Rate<Cell><When><State>     the mean of the R rates, per step;
#   \Rate<Cell><When><State>Lo, ...Hi   the smallest and largest of them;
#   \Decade<Cell><When><State>   ln(10) over the mean rate: the steps over
#                                which the gradient falls tenfold;
#   \ReachSeeds                  R;
#   \Reach<A>Vs<B>               a comparison in words (below);
#   \ReachGatedVerdict           a sentence that sums them up (below);
# where Cell is Rnn, Lstm or Gru; When is Init (untrained) or empty
# (trained); State is empty for h or C for the LSTM's cell state.
# It also writes DIR/lags-plot.txt for figures/lags.gp: eight blocks (plain
# cell untrained, trained; LSTM untrained, trained; GRU untrained, trained;
# the LSTM of forget bias 1 untrained, after one step)
# of lines "k, then for h (and c) the geometric mean of the R estimates of
# gamma(k), the smallest and the largest".
#
# Then it checks the claims that the text of Chapters "Why gates", "Long
# short-term memory" and "Three cells compared" makes about these numbers
# (figures/lags-claims.sh), and fails, failing the
# build, if one no longer holds; the training runs' outputs DIR/*.out say
# whether they are the book's runs or short stand-ins (below).
# Usage: lags-tex.sh DIR > DIR/lags.tex
set -eu
dir=$1
: > "$dir/lags-plot.txt"
: > "$dir/lags-plot.txt.rates"
for cell in rnn lstm gru lstm1; do
  awk -v cell="$cell" -v plot="$dir/lags-plot.txt" '
    function fmt(x) { return x >= 0.1 ? sprintf("%.2f", x) : sprintf("%.3f", x) }
    BEGIN { name["rnn"] = "Rnn"; name["lstm"] = "Lstm"; name["gru"] = "Gru"
            name["lstm1"] = "LstmOne"
            block = 0; blank = 0 }
    /^#/ { next }
    NF == 0 { if (++blank == 2) block++; next }
    { blank = 0; cols = NF
      if (!($1 in seen)) { seen[$1] = 1; ks[++n] = $1 }
      for (c = 2; c <= NF; c++) g[block, c, $1] = $c }
    END {
      B = block + 1; R = B / 2
      if (R < 1 || B % 2) { print "lags-tex: " cell ": expected 2R tables" > "/dev/stderr"; exit 1 }
      for (when = 0; when <= 1; when++)     # 0: untrained, 1: trained
        for (c = 2; c <= cols; c++) {
          lo = hi = sum = 0
          for (i = 0; i < R; i++) {
            b = when ? i : R + i
            sx = sy = sxx = sxy = m = 0
            for (j = 1; j <= n; j++) {
              x = ks[j] + 0
              if (x < 10 || x > 50 || g[b, c, x] <= 0) continue
              y = -log(g[b, c, x]); m++
              sx += x; sy += y; sxx += x * x; sxy += x * y
            }
            if (m < 3) { print "lags-tex: " cell ": too few positive values to fit" > "/dev/stderr"; exit 1 }
            rate = (m * sxy - sx * sy) / (m * sxx - sx * sx)
            sum += rate
            if (i == 0 || rate < lo) lo = rate
            if (i == 0 || rate > hi) hi = rate
          }
          id = name[cell] (when ? "" : "Init") (c == 3 ? "C" : "")
          printf "\\newcommand{\\Rate%s}{%s}\n", id, fmt(sum / R)
          printf "\\newcommand{\\Rate%sLo}{%s}\n", id, fmt(lo)
          printf "\\newcommand{\\Rate%sHi}{%s}\n", id, fmt(hi)
          printf "\\newcommand{\\Decade%s}{%.0f}\n", id, log(10) / (sum / R)
          printf "%s %.6g %.6g %.6g\n", id, lo, hi, sum / R >> (plot ".rates")
        }
      for (when = 0; when <= 1; when++) {
        for (j = 1; j <= n; j++) {
          x = ks[j]; line = x
          for (c = 2; c <= cols; c++) {
            lsum = 0; mn = mx = -1
            for (i = 0; i < R; i++) {
              v = g[when ? i : R + i, c, x]
              v = v > 0 ? v : 1e-45
              lsum += log(v)
              if (mn < 0 || v < mn) mn = v
              if (v > mx) mx = v
            }
            line = line sprintf(" %.6g %.6g %.6g", exp(lsum / R), mn, mx)
          }
          print line >> plot
        }
        printf "\n\n" >> plot
      }
      if (cell == "rnn") printf "\\newcommand{\\ReachSeeds}{%d}\n", R
    }' "$dir/$cell-reach.txt"
done
# Comparisons that the text makes in words, as the data decide them:
# \Reach<A>Vs<B> is "further back than" if every rate of A is below every
# rate of B, "less far back than" if every one is above, and otherwise
# "about as far back as". \ReachGatedVerdict says in a sentence which of
# the trained gated cells' measurements reach further back than the
# trained plain cell's.
awk '
  function cmp(a, b) {
    return hi[a] < lo[b] ? "further back than" \
         : lo[a] > hi[b] ? "less far back than" : "about as far back as"
  }
  { lo[$1] = $2; hi[$1] = $3 }
  END {
    n = split("LstmInit:RnnInit LstmInitC:RnnInit GruInit:RnnInit " \
              "Lstm:Rnn LstmC:Rnn Gru:Rnn Gru:Lstm Gru:LstmC", p, " ")
    for (i = 1; i <= n; i++) {
      split(p[i], ab, ":")
      printf "\\newcommand{\\Reach%sVs%s}{%s}\n", ab[1], ab[2], cmp(ab[1], ab[2])
    }
    split("Lstm LstmC Gru", id, " ")
    label["Lstm"] = "the LSTM'"'"'s $\\gamma_h$"
    label["LstmC"] = "the LSTM'"'"'s $\\gamma_c$"
    label["Gru"] = "the GRU'"'"'s $\\gamma$"
    yes = no = ""; ny = nn = 0
    for (i = 1; i <= 3; i++)
      if (cmp(id[i], "Rnn") == "further back than") { y[++ny] = label[id[i]] }
      else { q[++nn] = label[id[i]] }
    if (ny == 3)
      v = "On this text, then, all three measurements of the gated cells " \
          "reach further back than the plain cell'"'"'s $\\gamma$."
    else if (ny == 0)
      v = "On this text, then, none of the measurements of the gated " \
          "cells reaches further back than the plain cell'"'"'s $\\gamma$."
    else
      v = "On this text, then, only " words(y, ny) \
          (ny == 1 ? " reaches" : " reach") \
          " further back than the plain cell'"'"'s $\\gamma$; " \
          words(q, nn) (nn == 1 ? " does" : " do") " not."
    printf "\\newcommand{\\ReachGatedVerdict}{%s}\n", v
  }
  function words(w, n) {
    return n == 1 ? w[1] : n == 2 ? w[1] " and " w[2] \
         : w[1] ", " w[2] " and " w[3]
  }' "$dir/lags-plot.txt.rates"

# The claims hold for the book's models, not for the short stand-in runs
# one makes to typeset the book quickly: they are checked only if every
# run trained for at least 1000 steps.
steps=$(cat "$dir"/{rnn,lstm,gru}.out | sed -n 's/^done steps=\([0-9]*\).*/\1/p' \
        | sort -n | head -n 1)
if [ "${steps:-0}" -ge 1000 ]; then
  bash "$(dirname "$0")/lags-claims.sh" "$dir/lags-plot.txt.rates"
else
  echo "lags-tex: warning: runs of ${steps:-no} steps; the claims of" \
       "the chapters on the gradient's reach are checked only on runs of 1000 or more" >&2
fi
rm -f "$dir/lags-plot.txt.rates"
