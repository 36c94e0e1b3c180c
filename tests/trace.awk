# Checks the output of rnn trace against a forward pass computed here, in
# double precision, from the weights that rnn dump prints: the plain cell,
# the LSTM and the GRU, of any depth, by the equations of their chapters
# (rnn-a, rnn-h; lstm-a to lstm-h; gru-proj to gru-h).
# Usage: awk -f tests/trace.awk DUMP TEXT-BYTES TRACE
#   DUMP        the output of rnn dump --model M
#   TEXT-BYTES  the traced text's bytes in hexadecimal, one per line (od)
#   TRACE       the output of rnn trace --model M --data TEXT (ASCII only)
# Prints "ok N" (the rows checked), or the first disagreement, and exits 1
# then. A value agrees if it is within 1e-4 of the reference.
BEGIN { hexdigits = "0123456789abcdef" }
function sigmoid(u) { return 1 / (1 + exp(-u)) }
function tanh(u) { return u > 20 ? 1 : u < -20 ? -1 : (exp(2 * u) - 1) / (exp(2 * u) + 1) }
function bad(msg) { print "trace.awk: " msg; failed = 1; exit 1 }
FILENAME == ARGV[1] && $1 == "setting" { set[$2] = $3 }
FILENAME == ARGV[1] && $1 == "token" { tok[$2] = ntok++ }
FILENAME == ARGV[1] && $1 == "tensor" { name = $2; rows = $3; cols = $4; k = 0; next }
FILENAME == ARGV[1] && $1 == "carry" { name = "" }
FILENAME == ARGV[1] && $1 ~ /^-?[0-9.]/ && name != "" {
  W[name, int(k / cols), k % cols] = $1; k++ }
FILENAME == ARGV[2] { x[n++] = tok[$1]; if (!($1 in tok)) bad("byte " $1 " not in the vocabulary") }
FILENAME == ARGV[3] && FNR == 1 {
  cell = set["cell"]; L = set["layers"]; H = set["hidden"]
  want = cell == "lstm" ? "position,token,layer,unit,h,i,f,g,o,c" \
       : cell == "gru" ? "position,token,layer,unit,h,r,z,n" : "position,token,layer,unit,h"
  if ($0 != want) bad("header '" $0 "', expected '" want "'")
  G = cell == "lstm" ? 4 * H : cell == "gru" ? 3 * H : H
  for (l = 1; l <= L; l++) for (j = 0; j < H; j++) { h[l, j] = 0; c[l, j] = 0 }
  done = -1
  FS = ","; next
}
FILENAME == ARGV[3] {
  nf = split($0, f, ",")
  nv = cell == "lstm" ? 6 : cell == "gru" ? 4 : 1   # the values, h to c
  p = f[1] + 0; token = f[2]
  for (i = 3; i <= nf - nv - 2; i++) token = token "," f[i]
  while (done < p) step(++done)
  if (token != quoted(ch[p])) bad("row " FNR ": token " token " at position " p)
  l = f[nf - nv - 1]; j = f[nf - nv]; v = nf - nv + 1
  check(f[v], h[l, j], "h")
  if (cell == "lstm") { check(f[v + 1], gi[l, j], "i"); check(f[v + 2], gf[l, j], "f")
    check(f[v + 3], gg[l, j], "g"); check(f[v + 4], go[l, j], "o"); check(f[v + 5], c[l, j], "c") }
  if (cell == "gru") { check(f[v + 1], gr[l, j], "r"); check(f[v + 2], gz[l, j], "z"); check(f[v + 3], gn[l, j], "n") }
  checked++
}
# An ASCII character as the trace writes it.
function quoted(b) {
  return "\"" (b == 34 ? "\"\"" : b == 92 ? "\\\\" : b == 10 ? "\\n" : b == 9 ? "\\t" \
                : b == 13 ? "\\r" : sprintf("%c", b)) "\""
}
function check(got, ref, what) {
  if (got - ref > 1e-4 || ref - got > 1e-4)
    bad(sprintf("row %d (position %d, layer %d, unit %d): %s is %s, the forward pass gives %.6g", FNR, p, l, j, what, got, ref))
}
# One step of every layer on input x[t]: the new states, and the gates.
function step(t,   l, i, j, s, a, q) {
  for (l = 1; l <= L; l++) {
    for (i = 0; i < G; i++) {
      s = W["bh." l, i, 0]
      if (l == 1) s += W["Wxh.1", i, x[t]]
      else for (j = 0; j < H; j++) s += W["Wxh." l, i, j] * h[l - 1, j]
      q = cell == "gru" ? W["bhh." l, i, 0] : 0
      for (j = 0; j < H; j++) q += W["Whh." l, i, j] * h[l, j]
      a[i] = s; pr[i] = q
    }
    for (j = 0; j < H; j++) {
      if (cell == "rnn") hn[j] = tanh(a[j] + pr[j])
      else if (cell == "lstm") {
        gi[l, j] = sigmoid(a[j] + pr[j]); gf[l, j] = sigmoid(a[H + j] + pr[H + j])
        gg[l, j] = tanh(a[2 * H + j] + pr[2 * H + j]); go[l, j] = sigmoid(a[3 * H + j] + pr[3 * H + j])
        c[l, j] = gf[l, j] * c[l, j] + gi[l, j] * gg[l, j]
        hn[j] = go[l, j] * tanh(c[l, j])
      } else {
        gr[l, j] = sigmoid(a[j] + pr[j]); gz[l, j] = sigmoid(a[H + j] + pr[H + j])
        gn[l, j] = tanh(a[2 * H + j] + gr[l, j] * pr[2 * H + j])
        hn[j] = (1 - gz[l, j]) * gn[l, j] + gz[l, j] * h[l, j]
      }
    }
    for (j = 0; j < H; j++) h[l, j] = hn[j]
  }
}
FILENAME == ARGV[2] { ch[n - 1] = 16 * (index(hexdigits, substr($1, 1, 1)) - 1) \
  + index(hexdigits, substr($1, 2, 1)) - 1 }
END {
  if (failed) exit 1
  if (checked == 0) { print "trace.awk: no rows"; exit 1 }
  print "ok " checked
}
