#!/usr/bin/env bash
# What the log of a training run shows (Chapter "Training"): its losses and
# its gradient's norm, from the run's log (DIR/NAME.csv, columns
# step,train_loss,val_loss,seconds,lr,grad_norm, a row for every step) and
# the threshold CLIP of its --clip.
# Writes DIR/NAME-clip.txt for figures/clip.gp, comma-separated, a line
# per BIN steps: the bin's first and last step, the share of its steps
# whose norm exceeded CLIP (those the run clipped), the median, smallest
# and largest norm, and CLIP;
# and to stdout the LaTeX macros \<Name><Field>:
#   Cross       the validation from which on the validation loss is above
#               the (moving average of the) training loss;
#   Gap         the validation loss less the training loss at the last
#               validation;
#   Clip        the threshold;
#   ClipCount   the number of steps clipped, in digits, and ClipCountText
#               the same as the text says it ("none" for 0);
#   ClipBin     BIN;
#   NormFirst   the norm at the first step;
#   NormMedian  the median norm of the run's last quarter;
#   NormQ       the 99th percentile of the norms of the whole run;
#   NormMax, NormMaxStep  the largest norm and its step;
#   NormMaxRatio  the largest norm over NormMedian, to one decimal.
# Fails if the log does not have a row for every step, or if what Chapter
# "Training" says of the figures is not so: the validation loss is above
# the training loss from some validation, Cross, to the end; and the
# threshold is a guard against rare steps, far above the typical norm (the median of the
# last quarter below a third of the threshold, the 99th percentile below
# it, and at most one step in a hundred clipped).
# Usage: log-tex.sh DIR NAME CLIP [BIN] > DIR/NAME-log.tex
set -eu
dir=$1 name=$2 clip=$3 bin=${4:-100}
Name=$(sed 's/^./\U&/' <<< "$name")
sort -t, -k1,1n -u "$dir/$name.csv" | awk -F, -v clip="$clip" -v bin="$bin" \
    -v name="$Name" -v plot="$dir/$name-clip.txt" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function pct(k, n) { return sprintf("%.0f", n ? 100 * k / n : 0) }
  NR == 1 { next }
  { n++; step[n] = $1 + 0; norm[n] = $6 + 0
    if ($3 != "") { gap = $3 - $2; if (gap <= 0) cross = 0; else if (!cross) cross = n }
    if (step[n] != n) { printf "log-tex: no row for step %d\n", n > "/dev/stderr"; bad = 1; exit 1 } }
  END {
    if (bad) exit 1
    if (n < 2 * bin) { print "log-tex: too few steps" > "/dev/stderr"; exit 1 }
    q = n - int(n / 4)
    for (i = 1; i <= n; i++) {
      all += norm[i] > clip; sorted[i] = norm[i]
      if (i > q) tail[++m] = norm[i]
      if (i == 1 || norm[i] > max) { max = norm[i]; at = i }
    }
    for (b = 0; b * bin < n; b++) {
      k = 0; c = 0; lo = hi = -1
      for (i = b * bin + 1; i <= n && i <= (b + 1) * bin; i++) {
        v[++k] = norm[i]; c += norm[i] > clip
        if (lo < 0 || norm[i] < lo) lo = norm[i]
        if (norm[i] > hi) hi = norm[i]
      }
      printf "%d,%d,%.4f,%.6g,%.6g,%.6g,%g\n", b * bin + 1, b * bin + k, c / k, median(v, k), lo, hi, clip > plot
    }
    if (!(cross > 0)) {
      printf "log-tex: the validation loss is not above the training loss at the end\n" > "/dev/stderr"
      exit 1
    }
    med = median(tail, m); median(sorted, n); q99 = sorted[int(0.99 * n)]
    if (!(med < clip / 3 && q99 < clip && all <= n / 100)) {
      printf "log-tex: the threshold %g is not a guard against rare steps: median %g, 99th percentile %g, %d of %d steps clipped\n", clip, med, q99, all, n > "/dev/stderr"
      exit 1
    }
    printf "\\newcommand{\\%sCross}{%d}\n", name, cross
    printf "\\newcommand{\\%sGap}{%.2f}\n", name, gap
    printf "\\newcommand{\\%sClip}{%g}\n", name, clip
    printf "\\newcommand{\\%sClipCount}{%d}\n", name, all
    printf "\\newcommand{\\%sClipCountText}{%s}\n", name, all ? all : "none"
    printf "\\newcommand{\\%sClipBin}{%d}\n", name, bin
    printf "\\newcommand{\\%sNormFirst}{%.2f}\n", name, norm[1]
    printf "\\newcommand{\\%sNormMedian}{%.2f}\n", name, med
    printf "\\newcommand{\\%sNormQ}{%.2f}\n", name, q99
    printf "\\newcommand{\\%sNormMax}{%.1f}\n", name, max
    printf "\\newcommand{\\%sNormMaxStep}{%d}\n", name, at
    printf "\\newcommand{\\%sNormMaxRatio}{%.1f}\n", name, max / med
  }'
