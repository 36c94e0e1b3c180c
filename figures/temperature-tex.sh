#!/usr/bin/env bash
# The distribution of the next token after a context, at several
# temperatures (Chapter "Sampling"), from `measure next`'s table
# (DIR/temperature.txt: a line per token, likeliest first, "id "token" p..."
# with a probability per temperature of TEMPS).
# Writes DIR/temperature-plot.txt for figures/temperature.gp, tab-separated,
# with backslashes doubled: a line of column titles, the SHOWN likeliest
# tokens, each a label (LaTeX) and its probability at
# each temperature, and a last line "the rest" with the rest of the mass;
# and to stdout the LaTeX macros, with X = A, B, C... for the temperatures
# in order:
#   \TempContext   the context, in typewriter type, spaces visible;
#   \TempShown     SHOWN;
#   \TempTauX      the temperature;
#   \TempTop       the likeliest token, as a label;
#   \TempTopX      its probability at temperature X (two decimals);
#   \TempRestX     the probability of the tokens not shown;
#   \TempBitsX     the entropy of the distribution, in bits;
#   \TempChoicesX  2 to that power: as uncertain as a uniform choice among
#                  so many tokens.
# Fails if what Chapter "Sampling" says of the figure is not so: as the
# temperature rises, the likeliest token's probability falls, the rest's
# rises, and the entropy rises.
# Usage: temperature-tex.sh DIR CONTEXT "TEMPS" [SHOWN] > DIR/temperature.tex
set -eu
dir=$1 context=$2 temps=$3 shown=${4:-12}
awk -v temps="$temps" -v shown="$shown" -v context="$context" \
    -v plot="$dir/temperature-plot.txt" '
  function fail(msg) { print "temperature-tex: " msg > "/dev/stderr"; bad = 1; exit 1 }
  # A token as LaTeX, in typewriter type: spaces visible, escapes spelled.
  function label(t,   out, i, c, n) {
    out = ""; n = length(t)
    for (i = 1; i <= n; i++) {
      c = substr(t, i, 1)
      if (c == "\\" && i < n) {
        c = substr(t, ++i, 1)
        out = out (c == "n" ? "\\textbackslash{}n" : c == "t" ? "\\textbackslash{}t" \
                 : c == "\\" ? "\\textbackslash{}" : c)
      } else if (c == " ") out = out "\\textvisiblespace{}"
      else if (index("#$%&_{}", c)) out = out "\\" c
      else if (c == "~") out = out "\\textasciitilde{}"
      else if (c == "^") out = out "\\textasciicircum{}"
      else out = out c
    }
    return "\\texttt{" out "}"
  }
  BEGIN { nt = split(temps, tau, " ")
          line = "token"
          for (k = 1; k <= nt; k++) line = line "\t$\\tau = " tau[k] "$"
          print line > plot }
  { q = index($0, "\""); r = length($0)
    for (e = q + 1; e <= r; e++) {
      c = substr($0, e, 1)
      if (c == "\\") e++
      else if (c == "\"") break
    }
    tok = substr($0, q + 1, e - q - 1)
    n++; m = split(substr($0, e + 1), p, " ")
    if (m != nt) fail("line " n " has " m " probabilities, not " nt)
    for (k = 1; k <= nt; k++) {
      P[n, k] = p[k]
      if (p[k] > 0) H[k] -= p[k] * log(p[k]) / log(2)
      if (n > shown) rest[k] += p[k]
    }
    if (n <= shown) {
      line = label(tok)
      for (k = 1; k <= nt; k++) line = line "\t" p[k]
      print line > plot
    }
    if (n == 1) top = label(tok)
  }
  END {
    if (bad) exit 1
    if (n <= shown) fail("only " n " tokens")
    line = "the rest"
    for (k = 1; k <= nt; k++) line = line "\t" rest[k]
    print line > plot
    L = "ABCDEFGH"
    printf "\\newcommand{\\TempContext}{%s}\n", label(context)
    printf "\\newcommand{\\TempShown}{%d}\n", shown
    printf "\\newcommand{\\TempTop}{%s}\n", top
    for (k = 1; k <= nt; k++) {
      x = substr(L, k, 1)
      printf "\\newcommand{\\TempTau%s}{%s}\n", x, tau[k]
      printf "\\newcommand{\\TempTop%s}{%.2f}\n", x, P[1, k]
      printf "\\newcommand{\\TempRest%s}{%.2f}\n", x, rest[k]
      printf "\\newcommand{\\TempBits%s}{%.2f}\n", x, H[k]
      printf "\\newcommand{\\TempChoices%s}{%.0f}\n", x, 2 ^ H[k]
      if (k > 1 && (tau[k] <= tau[k - 1] || P[1, k] >= P[1, k - 1] \
                    || rest[k] <= rest[k - 1] || H[k] <= H[k - 1]))
        fail(sprintf("from temperature %s to %s the likeliest token goes from %g to %g, the rest from %g to %g, the entropy from %g to %g", \
             tau[k - 1], tau[k], P[1, k - 1], P[1, k], rest[k - 1], rest[k], H[k - 1], H[k]))
    }
  }' "$dir/temperature.txt"
# gnuplot reads a backslash in a string of a data file as an escape: double
# them, so that the labels reach LaTeX as written.
sed -i 's/\\/\\\\/g' "$dir/temperature-plot.txt"
