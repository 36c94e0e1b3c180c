#!/usr/bin/env bash
# What the book's models learned (Chapter "What the network learned"),
# from build/measure's measurements:
#   DIR/{rnn,lstm,gru}-inside.txt   measure inside of the book's three models
#   DIR/ts-{lstm,gru}-inside.txt    measure inside of the two-layer models
#                                   of the race on Tiny Shakespeare
#   DIR/ngram.txt                   measure ngram of orders 1 to 5
# It writes to standard output LaTeX macros \Learned..., sentences among
# them, whose words the numbers choose; and
#   DIR/learned-<feature>.tex       a passage shaded by the unit that
#                                   follows the feature best, for each of
#                                   brace, math, string, column and code
#   DIR/learned-loss.tex            a passage shaded by the LSTM's loss
#   DIR/saturation-<gate>-<m>.txt   for figures/saturation.gp: "left right"
#                                   of each unit, for the gates i f o r z
#                                   and the models book, ts1, ts2 (the
#                                   race's first and second layer)
# Then it checks the claims the chapter makes in fixed words
# (figures/learned-claims.sh), and fails if one does not hold.
# Usage: learned-tex.sh DIR > DIR/learned.tex
set -eu
dir=$1
here=$(dirname "$0")
macro() { printf '\\newcommand{\\Learned%s}{%s}\n' "$1" "$2"; }
fail() { echo "learned-tex: $*" >&2; exit 1; }
for f in rnn lstm gru ts-lstm ts-gru; do
  [ -s "$dir/$f-inside.txt" ] || fail "no $dir/$f-inside.txt"
done
[ -s "$dir/ngram.txt" ] || fail "no $dir/ngram.txt"

# A unit named in words: "unit 60 of the LSTM's cell state $c$".
# The threshold above which a unit is said to follow a feature.
track=0.5
macro Track "$track"

# The held-out text and each model's loss on it, read in one stream.
awk '$1 == "inside" { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
     END { printf "%s %s\n", v["tokens"], v["bpc"] }' "$dir/lstm-inside.txt" \
  | { read -r tokens bpc; macro Tokens "$tokens"; }
for c in rnn:Rnn lstm:Lstm gru:Gru; do
  IFS=: read -r cell name <<< "$c"
  bpc=$(sed -n 's/^inside .* bpc=\([0-9.]*\)$/\1/p' "$dir/$cell-inside.txt")
  macro "Bpc$name" "$(awk -v b="$bpc" 'BEGIN { printf "%.2f", b }')"
  macro "Ppl$name" "$(awk -v b="$bpc" 'BEGIN { printf "%.1f", 2 ^ b }')"
done

# Cells that mean something: for each feature, each model's best unit, a
# table row, and a sentence about the best of the three.
awk -v track="$track" '
  function cellname(c) { return c == "rnn" ? "the plain cell" : c == "lstm" ? "the LSTM" : "the GRU" }
  function unitname(c, u,   s) {
    split(u, s, " ")
    return "unit " s[3] " of " cellname(c) "\x27s " (s[2] == "c" ? "cell state~$c$" : "state~$h$") \
      (s[1] > 1 ? " in layer " s[1] : "")
  }
  function num(x) { return sprintf("$%s%.2f$", x < 0 ? "-" : "", x < 0 ? -x : x) }
  FNR == 1 { cell = FILENAME; sub(/.*\//, "", cell); sub(/-inside.txt$/, "", cell) }
  $1 == "feature" {
    f = $2; split($3, la, "="); split($4, sa, "="); split($5, ua, "="); split($6, ra, "=")
    unit[f, cell] = la[2] " " sa[2] " " ua[2]; cor[f, cell] = ra[2] + 0
  }
  END {
    n = split("brace math string column code", fs, " ")
    split("Brace Math String Column Code", Fs, " ")
    split("the depth of braces|whether the text is in a formula|whether it is in a string|the column|whether it is in a chunk of code", words, "|")
    split("depth of braces|in a formula|in a string|column|in code", short, "|")
    rows = ""
    for (i = 1; i <= n; i++) {
      f = fs[i]; best = ""
      row = short[i]
      split("rnn lstm gru", cs, " ")
      for (j = 1; j <= 3; j++) {
        c = cs[j]; r = cor[f, c]
        split(unit[f, c], us, " ")
        row = row sprintf(" & %s & %s%s", num(r), us[2] == "c" ? "$c$\\," : "", us[3])
        if (best == "" || (r < 0 ? -r : r) > (cor[f, best] < 0 ? -cor[f, best] : cor[f, best])) best = c
      }
      rows = rows row " \\\\ "
      r = cor[f, best]; a = r < 0 ? -r : r
      if (a >= track)
        say = sprintf("The %s follows %s: their correlation over the held-out text is %s.", \
                      unitname(best, unit[f, best]), words[i], num(r))
      else
        say = sprintf("No unit follows %s: the best correlation, of %s, is only %s.", \
                      words[i], unitname(best, unit[f, best]), num(r))
      sub(/^The unit/, "Unit", say)
      printf "\\newcommand{\\LearnedSay%s}{%s}\n", Fs[i], say
      printf "\\newcommand{\\LearnedShown%s}{%s}\n", Fs[i], unitname(best, unit[f, best])
      printf "%s %s\n", f, best > "'"$dir/learned-best.txt"'"
    }
    printf "\\newcommand{\\LearnedFeatureRows}{%s}\n", rows
  }' "$dir"/rnn-inside.txt "$dir"/lstm-inside.txt "$dir"/gru-inside.txt

# A passage in LaTeX: each character in a box shaded by its value, red for
# positive and blue for negative, the darkest at the scale; a line of the
# text is a line of boxes. Characters that LaTeX treats specially are
# written by name; bytes outside ASCII as "?".
passage() {   # passage FILE WHAT SCALE: WHAT is a feature or "loss"
  awk -v what="$2" -v scale="$3" '
    function esc(h,   b) {
      b = index("0123456789abcdef", substr(h, 1, 1)) * 16 + index("0123456789abcdef", substr(h, 2, 1)) - 17
      if (length(h) > 2 || b >= 127) return "?"
      if (b == 32 || b == 9) return "\\hphantom{x}"
      c = sprintf("%c", b)
      if (c == "\\") return "\\textbackslash{}"
      if (c ~ /[{}$&#%_]/) return "\\" c
      if (c == "^") return "\\textasciicircum{}"
      if (c == "~") return "\\textasciitilde{}"
      if (c == "\x27") return "\\textquotesingle{}"
      if (c == "`") return "\\textasciigrave{}"
      if (c == "\"") return "\\textquotedbl{}"
      return c
    }
    function shade(v,   a) {
      a = (v < 0 ? -v : v) / scale; a = (a > 1 ? 1 : a) * 0.8
      return v >= 0 ? sprintf("1,%.3f,%.3f", 1 - a, 1 - a) : sprintf("%.3f,%.3f,1", 1 - a, 1 - a)
    }
    $1 == "passage" { on = $2 == what; next }
    on && $1 == "char" {
      if ($2 == "0a") { line = line "\\LearnedBox{" shade($3) "}{\\hphantom{x}}"; print "\\mbox{" line "}\\\\"; line = ""; next }
      line = line "\\LearnedBox{" shade($3) "}{" esc($2) "}"
    }
    END { if (line != "") print "\\mbox{" line "}\\\\" }' "$1"
}
# The scale of a passage: the largest value in it, in size.
largest() {
  awk -v what="$2" '$1 == "passage" { on = $2 == what; next }
    on && $1 == "char" { v = $3 < 0 ? -$3 : $3; if (v > m) m = v }
    END { printf "%.2f", (m > 0 ? m : 1) }' "$1"
}
while read -r f cell; do
  F=$(sed 's/^./\U&/' <<< "$f")
  scale=$(largest "$dir/$cell-inside.txt" "$f")
  macro "Scale$F" "$scale"
  passage "$dir/$cell-inside.txt" "$f" "$scale" > "$dir/learned-$f.tex"
done < "$dir/learned-best.txt"
rm -f "$dir/learned-best.txt"
macro LossScale 8
passage "$dir/lstm-inside.txt" loss 8 > "$dir/learned-loss.tex"

# Where the model is wrong: the loss of each class of character, for the
# three models, and which classes cost the LSTM most and least.
awk '
  FNR == 1 { cell = FILENAME; sub(/.*\//, "", cell); sub(/-inside.txt$/, "", cell) }
  $1 == "class" && $3 > 0 { count[$2] = $3; bits[$2, cell] = $4; total[cell] += $3 * $4; n[cell] += $3
    if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
  END {
    split("letters|digits|white space|braces and brackets|other punctuation|other characters", nm, "|")
    split("letter digit space bracket punctuation other", id, " ")
    for (i = 1; i <= 6; i++) name[id[i]] = nm[i]
    rows = ""
    for (i = 1; i <= k; i++) {
      c = order[i]
      rows = rows sprintf("%s & %.1f\\,\\%% & %.2f & %.2f & %.2f & %.0f\\,\\%% \\\\ ", name[c], \
        100 * count[c] / n["lstm"], bits[c, "rnn"], bits[c, "lstm"], bits[c, "gru"], \
        100 * count[c] * bits[c, "lstm"] / total["lstm"])
      if (most == "" || bits[c, "lstm"] > bits[most, "lstm"]) most = c
      if (least == "" || bits[c, "lstm"] < bits[least, "lstm"]) least = c
    }
    printf "\\newcommand{\\LearnedClassRows}{%s}\n", rows
    printf "\\newcommand{\\LearnedSayClasses}{The LSTM pays most for %s, %.2f bits each, and least for %s, %.2f bits each; letters, %.0f\\,\\%% of the characters, take %.0f\\,\\%% of its loss.}\n", \
      name[most], bits[most, "lstm"], name[least], bits[least, "lstm"], \
      100 * count["letter"] / n["lstm"], 100 * count["letter"] * bits["letter", "lstm"] / total["lstm"]
  }' "$dir"/rnn-inside.txt "$dir"/lstm-inside.txt "$dir"/gru-inside.txt

# Gates open and shut: the points of the figure, and what they say. A gate
# is mostly open if it is above 0.9 at more than half the steps, mostly
# shut if it is below 0.1 at more than half.
for g in i f o r z; do
  for m in book ts1 ts2; do : > "$dir/saturation-$g-$m.txt"; done
done
for f in lstm gru ts-lstm ts-gru; do
  awk -v dir="$dir" -v ts="${f%%-*}" '$1 == "saturation" {
      m = ts == "ts" ? "ts" $3 : "book"
      print $5, $6 > (dir "/saturation-" $2 "-" m ".txt") }' "$dir/$f-inside.txt"
done
awk '
  FNR == 1 { model = FILENAME; sub(/.*\//, "", model); sub(/-inside.txt$/, "", model) }
  $1 == "saturation" { k = model SUBSEP $3 SUBSEP $2
    units[k]++; open[k] += $6 > 0.5; shut[k] += $5 > 0.5
    sat[model, $3] += $5 + $6; cnt[model, $3]++ }
  function say(model, gates, names, cellname,   n, g, nm, i, s, k) {
    n = split(gates, g, " "); split(names, nm, "|")
    s = ""
    for (i = 1; i <= n; i++) {
      k = model SUBSEP 1 SUBSEP g[i]
      s = s sprintf("%s%s of %d are mostly open and %d mostly shut", \
                    i == 1 ? "" : i == n ? "; and " : "; ", nm[i], open[k], shut[k])
    }
    return "Of the " units[k] " units of " cellname ", " s "."
  }
  function layers(model, cellname,   a, b, w) {
    a = sat[model, 1] / cnt[model, 1]; b = sat[model, 2] / cnt[model, 2]
    w = b > 1.1 * a ? "more often than" : a > 1.1 * b ? "less often than" : "about as often as"
    return sprintf("In %s, the gates of the second layer are saturated %s those of the first: at %.0f\\,\\%% of the steps against %.0f\\,\\%%, on average over its gates and units.", \
                   cellname, w, 100 * b, 100 * a)
  }
  END {
    printf "\\newcommand{\\LearnedSaySatLstm}{%s}\n", say("lstm", "i f o", "the input gates|the forget gates|the output gates", "the LSTM")
    printf "\\newcommand{\\LearnedSaySatGru}{%s}\n", say("gru", "r z", "the reset gates|the update gates", "the GRU")
    printf "\\newcommand{\\LearnedSayLayersLstm}{%s}\n", layers("ts-lstm", "the race\x27s LSTM")
    printf "\\newcommand{\\LearnedSayLayersGru}{%s}\n", layers("ts-gru", "its GRU")
  }' "$dir"/lstm-inside.txt "$dir"/gru-inside.txt "$dir"/ts-lstm-inside.txt "$dir"/ts-gru-inside.txt

# What the recurrence buys: the n-gram models beside the three cells.
awk -v rnn="$(sed -n 's/^inside .* bpc=\([0-9.]*\)$/\1/p' "$dir/rnn-inside.txt")" \
    -v lstm="$(sed -n 's/^inside .* bpc=\([0-9.]*\)$/\1/p' "$dir/lstm-inside.txt")" \
    -v gru="$(sed -n 's/^inside .* bpc=\([0-9.]*\)$/\1/p' "$dir/gru-inside.txt")" '
  $1 == "ngram" { split($2, o, "="); split($4, b, "="); bpc[o[2]] = b[2] + 0; if (o[2] > N) N = o[2] }
  function beats(name, x,   k) {
    for (k = 0; k < N && bpc[k + 1] > x; k++) ;
    if (k == N) return name " beats every one of them"
    if (k == 0) return name " beats none of them, not even the model of order 1"
    return sprintf("%s beats those of orders 1 to %d, but not that of order %d: %.2f bits per character against %.2f", \
                   name, k, k + 1, bpc[k + 1], x)
  }
  END {
    rows = ""
    split("One Two Three Four Five", word, " ")
    for (k = 1; k <= N; k++) {
      printf "\\newcommand{\\LearnedNgram%s}{%.2f}\n", word[k], bpc[k]
      rows = rows sprintf("%d & %.2f & %.1f \\\\ ", k, bpc[k], 2 ^ bpc[k])
    }
    printf "\\newcommand{\\LearnedNgramRows}{%s}\n", rows
    printf "\\newcommand{\\LearnedNgramFivePerplexity}{%.1f}\n", 2 ^ bpc[5]
    best = rnn < lstm ? (rnn < gru ? "rnn" : "gru") : (lstm < gru ? "lstm" : "gru")
    x = best == "rnn" ? rnn : best == "lstm" ? lstm : gru
    name = best == "rnn" ? "the plain cell" : best == "lstm" ? "the LSTM" : "the GRU"
    if (x < bpc[N])
      why = sprintf("So the recurrence buys something here: %s, the best of the cells, spends %.2f bits per character where the best $n$-gram model spends %.2f, having learned from the same text what lies further back than %d characters.", name, x, bpc[N], N - 1)
    else
      why = sprintf("None of the cells beats the $n$-gram model of order %d, which spends %.2f bits per character against the %.2f of the best of them, %s. The cells are small and have read the training text only about \\RnnEpochs\\ times, while an $n$-gram model has every sequence of %d characters of it by heart after one reading; a model that is to beat it must learn from the same text both what the counts know and what lies further back, and that takes more training than the book'"'"'s build spends.", N, bpc[N], x, name, N)
    printf "\\newcommand{\\LearnedSayWhy}{%s}\n", why
    printf "\\newcommand{\\LearnedSayNgram}{Of the $n$-gram models, %s; %s; %s.}\n", beats("the plain cell", rnn), \
      beats("the LSTM", lstm), beats("the GRU", gru)
  }' "$dir/ngram.txt"

# The claims of the chapter's fixed words.
bash "$here/learned-claims.sh" "$dir"
