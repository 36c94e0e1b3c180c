#!/usr/bin/env bash
# The claims that Chapter "Why gates" (and the LSTM chapter) make about the
# decay rates of the gradient, checked against the measurements. Each line
# of RATES is "Name lo hi mean": the smallest, largest and mean of the rates
# fitted to a model's measurements (lags-tex.sh). A claim is one of
#   A faster B     the gradient of A falls faster than that of B in every
#                  measurement: lo(A) > hi(B);
#   A near B F     their mean rates differ by less than a factor F;
#   A below X      every rate of A is below the number X;
#   A about X F    the mean rate of A is within a factor F of the number X.
# The comparisons of the trained gated cells with each other and with the
# plain cell, which depend more on the run, are not claims: the text says
# them in words that lags-tex.sh chooses from the data.
# Fails, naming the claim, if one does not hold.
# Usage: lags-claims.sh RATES
set -eu
claims='
RnnInit  about  0.55 1.25    the spectral radius 1/sqrt(3) predicts ln(sqrt(3))
RnnInit  faster LstmOneInit  the forget bias of 1: the untrained LSTM reaches further
RnnInit  faster LstmOneInitC ... along its cell state as well
LstmInit faster LstmOneInit  ... than the LSTM started with the bias at 0
LstmInitC faster LstmOneInitC
LstmInitC near  RnnInit 1.5  started at 0, not much slower than the plain cell
GruInit  faster LstmOneInit  the untrained GRU does not reach as far
GruInit  near   RnnInit 1.5  ... its gradient falls almost as fast as the plain cell'"'"'s
LstmOneInitC below 0.31      slower than the forget gate of 0.73 alone would make it
RnnInit  faster Rnn          training lengthens the reach of every cell
LstmInit faster Lstm
LstmInitC faster LstmC
GruInit  faster Gru
'
awk -v claims="$claims" '
  function fail(msg) { printf "lags-claims: %s\n", msg > "/dev/stderr"; bad = 1 }
  { lo[$1] = $2; hi[$1] = $3; mean[$1] = $4 }
  END {
    n = split(claims, line, "\n")
    for (i = 1; i <= n; i++) {
      if (split(line[i], f, " ") < 3) continue
      a = f[1]; kind = f[2]; b = f[3]
      if (!(a in lo) || (kind != "below" && kind != "about" && !(b in lo))) { fail("no rates for " a " or " b); continue }
      if (kind == "faster" && !(lo[a] > hi[b]))
        fail(sprintf("the book says the gradient of %s falls faster than that of %s, but their rates are %g..%g and %g..%g", a, b, lo[a], hi[a], lo[b], hi[b]))
      else if (kind == "near" && (mean[a] / mean[b] >= f[4] || mean[b] / mean[a] >= f[4]))
        fail(sprintf("the book says %s and %s fall at rates within a factor %s, but they are %g and %g", a, b, f[4], mean[a], mean[b]))
      else if (kind == "about" && (mean[a] / b >= f[4] || b / mean[a] >= f[4]))
        fail(sprintf("the book says the rate of %s is about %s, but it is %g", a, b, mean[a]))
      else if (kind == "below" && !(hi[a] < b + 0))
        fail(sprintf("the book says the rates of %s are below %s, but they reach %g", a, b, hi[a]))
    }
    exit bad
  }' "$1"
