#!/usr/bin/env bash
# Summarise the gradient checks' table (build/exp/gradcheck.tex, one row per
# model checked, the largest relative error last) as LaTeX macros:
#   \GradcheckMax, \GradcheckMin: the largest and smallest of those errors;
#   \GradcheckMaxMargin, \GradcheckMinMargin: the tolerance 1e-6 divided by
#   them (one decimal below 10, else whole numbers).
# Fails, and so fails the book, if the sentences of Chapter "Checking
# gradients" about them stop being true: every error is below the
# tolerance, and every error is above the estimate 1e-13 of the absolute
# rounding error.  Usage: gradcheck-tex.sh build/exp/gradcheck.tex
set -eu
awk -F'&' '
  function sci(x,  e, m) {
    e = int(log(x) / log(10)); if (10 ^ e > x) e--
    m = x / 10 ^ e
    return sprintf("\\ensuremath{%.1f \\times 10^{%d}}", m, e)
  }
  function times(f) { return f < 10 ? sprintf("%.1f", f) : sprintf("%.0f", f) }
  { e = $7; sub(/\\\\.*/, "", e); e += 0; n++
    if (n == 1 || e > max) max = e
    if (n == 1 || e < min) min = e }
  END {
    if (n == 0) { print "gradcheck-tex: no rows" > "/dev/stderr"; exit 1 }
    if (max > 1e-6) { print "gradcheck-tex: an error above the tolerance" > "/dev/stderr"; exit 1 }
    if (min <= 1e-13) { print "gradcheck-tex: an error below 1e-13; the text says none is" > "/dev/stderr"; exit 1 }
    printf "\\newcommand{\\GradcheckRows}{%d}\n", n
    printf "\\newcommand{\\GradcheckMax}{%s}\n", sci(max)
    printf "\\newcommand{\\GradcheckMin}{%s}\n", sci(min)
    printf "\\newcommand{\\GradcheckMaxMargin}{%s}\n", times(1e-6 / max)
    printf "\\newcommand{\\GradcheckMinMargin}{%s}\n", times(1e-6 / min)
  }' "$1"
