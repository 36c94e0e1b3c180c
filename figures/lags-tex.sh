#!/usr/bin/env bash
# Turn the --gradient-lags files of the three cells' runs into LaTeX macros
# for the book: \Lag<Cell><When><State><Lag> is gamma(1)/gamma(lag), the
# factor by which the gradient falls between lag 1 and the lag, where
#   Cell is Rnn, Lstm or Gru; When is Init (before training) or empty (after);
#   State is empty for h or C for the LSTM's cell state;
#   Lag is Ten, Twenty, Fifty or Hundred.
# A factor below 10 is written with one decimal, one below 1000 as an
# integer, a larger one as a power of ten.
# Usage: lags-tex.sh DIR   (reads DIR/rnn-lags.txt, DIR/lstm-lags.txt, ...)
set -eu
dir=$1
for cell in rnn lstm gru; do
  awk -v cell="$cell" '
    function fmt(f) {
      if (f < 10) return sprintf("%.1f", f)
      if (f < 1000) return sprintf("%.0f", f)
      e = int(log(f) / log(10)); m = f / 10 ^ e
      return sprintf("$%.1f \\times 10^{%d}$", m, e)
    }
    BEGIN { name["rnn"] = "Rnn"; name["lstm"] = "Lstm"; name["gru"] = "Gru"
            lag[10] = "Ten"; lag[20] = "Twenty"; lag[50] = "Fifty"
            lag[100] = "Hundred"; block = 0; blank = 0 }
    NF == 0 { if (++blank == 2) block++; next }
    { blank = 0 }
    { for (c = 2; c <= NF; c++) g[block, c, $1] = $c; cols = NF }
    END {
      if (block != 1) { print "lags-tex: " cell ": expected two blocks" > "/dev/stderr"; exit 1 }
      for (b = 0; b <= 1; b++) for (c = 2; c <= cols; c++) for (k in lag)
        printf "\\newcommand{\\Lag%s%s%s%s}{%s}\n", name[cell],
               b == 0 ? "Init" : "", c == 3 ? "C" : "", lag[k],
               fmt(g[b, c, 1] / g[b, c, k])
    }' "$dir/$cell-lags.txt"
done
