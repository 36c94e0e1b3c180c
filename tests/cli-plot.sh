# Command-line tests of the pictures of runs: rnn plot and train --plot
# (Chapter "Pictures of a run"); sourced by tests/cli.sh, whose helpers and
# variables it uses. They need gnuplot (Debian's gnuplot-nox), and a
# stand-in for it that records what the program gives it.

cd "$tmp" && mkdir plots && cd plots || exit 1
gnuplot=$(command -v gnuplot) \
    || { fail "gnuplot is needed by the tests of rnn plot"; gnuplot=false; }
# The stand-in: it notes the file its standard output is, keeps the script
# it reads in script.gp, and runs gnuplot, or with FAKE_FAIL set fails as
# gnuplot does, with a message on its standard error.
mkdir bin empty
cat > bin/gnuplot <<EOF
#!/bin/bash
echo "\$(readlink /proc/\$\$/fd/1)" >> "$PWD/calls.txt"
if [ -n "\${FAKE_FAIL:-}" ] && [ "\$(wc -l < "$PWD/calls.txt")" -gt "\$FAKE_FAIL" ]; then
    echo '         line 3: all gone wrong' >&2; exit 1
fi
/usr/bin/tee "$PWD/script.gp" | "$gnuplot" "\$@"
EOF
chmod +x bin/gnuplot
stand_in() { rm -f calls.txt script.gp; PATH="$PWD/bin:$PATH" "$@"; }
# Programs that run rnn with no gnuplot on the PATH, or with the stand-in
# failing after N calls, for expect, which runs $RNN.
printf '#!/bin/bash\nPATH="%s" exec "%s" "$@"\n' "$PWD/empty" "$RNN" > no-gnuplot
printf '#!/bin/bash\nrm -f "%s"\nFAKE_FAIL=$1 PATH="%s" exec "%s" "${@:2}"\n' \
    "$PWD/calls.txt" "$PWD/bin:$PATH" "$RNN" > failing-gnuplot
chmod +x no-gnuplot failing-gnuplot

# A short run with a warm-up and a cosine, whose rate varies.
run=(--data "$here/data/tiny.txt" --hidden 16 --seq 10 --batch 4
     --val-every 20 --print-every 5 --sample-length 0 --lr-schedule cosine
     --warmup 10)
"$RNN" "${run[@]}" --steps 60 --log run.csv --save run.ckpt > /dev/null \
    2> "$tmp/err" || fail "the run to draw"
rows=$(($(wc -l < run.csv) - 1))

# png_size FILE: WIDTHxHEIGHT from a PNG's header (its IHDR chunk), if the
# file starts with PNG's signature and ends with its IEND chunk.
png_size() {
    [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
    && [ "$(tail -c 8 "$1" | head -c 4)" = IEND ] \
    && od -An -tu1 -j16 -N8 "$1" \
       | awk '{ printf "%dx%d\n", (($1*256+$2)*256+$3)*256+$4,
                                  (($5*256+$6)*256+$7)*256+$8 }'
}
# svg_size FILE: the width and height of an SVG's root element.
svg_size() {
    tr '\n' ' ' < "$1" | grep -o '<svg [^>]*>' \
    | sed -n 's/.* width="\([0-9]*\)" height="\([0-9]*\)".*/\1x\2/p'
}

# 1. A picture in PNG and one in SVG are of 800 x 500 pixels; a PDF is of
# 16 x 10 centimetres (453.5 x 283.5 points).
"$RNN" plot run.csv --out run.png 2> "$tmp/err" \
    && [ "$(png_size run.png)" = 800x500 ] \
    && passed=$((passed + 1)) || fail "plot --out run.png: $(png_size run.png)"
"$RNN" plot run.csv --out run.svg 2> "$tmp/err" \
    && [ "$(svg_size run.svg)" = 800x500 ] && grep -q '</svg>' run.svg \
    && passed=$((passed + 1)) || fail "plot --out run.svg: $(svg_size run.svg)"
"$RNN" plot run.csv --out RUN.PDF 2> "$tmp/err" \
    && [ "$(head -c 5 RUN.PDF)" = %PDF- ] \
    && pdfinfo RUN.PDF | grep -Eq '^Page size: *453(\.5[0-9]*)? x 283(\.4[0-9]*)? pts' \
    && passed=$((passed + 1)) || fail "plot --out RUN.PDF"

# 2. The SVG's curves pass through the log's points: each curve's vertices,
# after the two of its sample in the key, are as many as the log's values,
# and an affine map of the values onto the picture, fixed by the least and
# greatest of them, puts every one within 0.05 pixels of its vertex.
# curve FILE TITLE: the vertices of the curve whose key says TITLE.
curve() {
    awk -v title="<text>$2</text>" '
        /<g id="gnuplot_plot_/ { mine = 0 }
        index($0, title) { mine = 1 }
        mine && /<path/ { on = 1 }
        on { printf "%s ", $0 }
        on && /\/>/ { exit }' "$1" \
    | sed "s/.* d='\([^']*\)'.*/\1/" | tr 'ML' '\n\n' | tr -d ' \t' \
    | grep , | tail -n +3
}
# matches VERTICES VALUES: whether the points are the values' image.
matches() {
    awk -F'[ ,]' 'NR == FNR { px[++n] = $1; py[n] = $2; next }
        { x[++m] = $1; y[m] = $2 }
        function fit(v, p, k,   i, lo, hi) {
            lo = hi = 1
            for (i = 2; i <= m; i++) { if (v[i] < v[lo]) lo = i
                                       if (v[i] > v[hi]) hi = i }
            a[k] = (p[hi] - p[lo]) / (v[hi] - v[lo]); b[k] = p[lo] - a[k] * v[lo]
        }
        END {
            if (n != m || m < 2) { print "vertices " n ", values " m; exit 1 }
            fit(x, px, 1); fit(y, py, 2)
            for (i = 1; i <= m; i++)
                if ((d = a[1] * x[i] + b[1] - px[i]) > 0.05 || d < -0.05 \
                    || (d = a[2] * y[i] + b[2] - py[i]) > 0.05 || d < -0.05) {
                    print "value " i " is " d " pixels off"; exit 1 }
        }' "$1" "$2"
}
column() { awk -F, -v c="$1" 'NR > 1 && $c != "" { print $1 "," $c }' run.csv; }
for c in "2 training" "3 validation" "5 learning rate"; do
    curve run.svg "${c#* }" > vertices.txt
    column "${c%% *}" > values.txt
    why=$(matches vertices.txt values.txt) && passed=$((passed + 1)) \
        || fail "the SVG's ${c#* } curve is not the log's: $why"
done
[ "$(wc -l < values.txt)" -eq "$rows" ] || fail "the run logs no rate"

# 3. The script's data are the log's, in the unit asked for and against
# the steps or the seconds; with --units bits, the losses over ln 2.
# block SCRIPT NAME: the lines of a data block of gnuplot's script.
block() { awk -v b="\$$2 << EOD" '$0 == b { on = 1; next } /^EOD$/ { on = 0 } on' "$1"; }
stand_in "$RNN" plot run.csv --units bits --x seconds --out bits.svg \
    2> "$tmp/err" || fail "plot --units bits --x seconds"
if cmp -s <(block script.gp t1) \
        <(awk -F, 'NR > 1 { printf "%.10g %.10g\n", $4, $2 / log(2) }' run.csv) \
   && cmp -s <(block script.gp v1) \
        <(awk -F, 'NR > 1 && $3 != "" { printf "%.10g %.10g\n", $4, $3 / log(2) }' run.csv) \
   && grep -q "^set ylabel 'loss (bits per token)'" script.gp \
   && grep -q "^set xlabel 'seconds'" script.gp; then
    passed=$((passed + 1))
else
    fail "plot --units bits --x seconds: the script's data are not the log's"
fi

# 4. Without --out, off a terminal, the picture is the one of a .txt file,
# 79 columns by at most 24 lines, with its axes: a frame of + and -, the
# steps under it up to the last, the step's label, the title with the
# unit, and the key; on a terminal it takes the window's size.
"$RNN" plot run.csv > text.txt 2> "$tmp/err" \
    && "$RNN" plot run.csv --out run.txt 2> "$tmp/err" && cmp -s text.txt run.txt \
    && [ "$(wc -l < text.txt)" -le 24 ] \
    && [ "$(awk '{ print length }' text.txt | sort -n | tail -1)" -le 79 ] \
    && [ "$(grep -Ec '^ *[0-9.]+ \+-{40,}\+' text.txt)" -eq 2 ] \
    && grep -Eq '^ +10 +20 .* 60$' text.txt && grep -Eq '^ +step$' text.txt \
    && grep -q 'run.csv: loss (nats per token)' text.txt \
    && grep -q 'training \*\*\*' text.txt && ! grep -q $'\f' text.txt \
    && passed=$((passed + 1)) || { fail "plot, in characters:"; cat text.txt; }
script -qec "stty cols 120 rows 40; '$RNN' plot run.csv" /dev/null \
    | tr -d '\r' > tty.txt
[ "$(awk '{ print length }' tty.txt | sort -n | tail -1)" -gt 100 ] \
    && [ "$(wc -l < tty.txt)" -gt 30 ] && [ "$(wc -l < tty.txt)" -le 39 ] \
    && [ "$(grep -Ec '^ *[0-9.]+ \+-{80,}\+' tty.txt)" -eq 2 ] \
    && passed=$((passed + 1)) || { fail "plot on a terminal:"; cat tty.txt; }

# 5. Several logs, told apart by their names in the key, whatever the
# names hold: quotes, gnuplot's markup, a command; a newline shows as '?'.
odd=$'it\'s_a@$x "log"\'; system(\'touch pwned\'); \'.csv'
cp run.csv "$odd"
"$RNN" "${run[@]}" --steps 60 --seed 2 --log $'two\nlines.csv' \
    --save two.ckpt > /dev/null 2>&1
"$RNN" plot run.csv "$odd" $'two\nlines.csv' --out three.svg 2> "$tmp/err" \
    && grep -qF "<text>run.csv training</text>" three.svg \
    && grep -qF "<text>it's_a@\$x \"log\"'; system('touch pwned'); '.csv validation</text>" three.svg \
    && grep -qF "<text>two?lines.csv learning rate</text>" three.svg \
    && [ ! -e pwned ] && passed=$((passed + 1)) || fail "plot of three logs"

# 6. train --plot draws before training (the check), after every
# validation and at the end, each time into a new file beside the picture,
# renamed over it: the picture is never written where it is read, and no
# file is left behind. The last picture's training curve is the log's.
stand_in "$RNN" "${run[@]}" --steps 60 --val-every 15 --log live.csv \
    --plot live.png --save live.ckpt > /dev/null 2> "$tmp/err"
vals=$(awk -F, 'NR > 1 && $3 != ""' live.csv | wc -l)
[ "$vals" -eq 4 ] && [ "$(wc -l < calls.txt)" -eq $((1 + vals)) ] \
    && [ "$(grep -c "^$PWD/live.png\.......\$" calls.txt)" -eq "$vals" ] \
    && [ "$(png_size live.png)" = 800x500 ] \
    && [ "$(ls | grep -c '^live\.png')" -eq 1 ] \
    && grep -q "^set title 'live.ckpt'" script.gp \
    && awk 'NR == FNR { if (NR > 1) { split($0, f, ","); s[NR - 1] = f[1];
                                      l[NR - 1] = f[2]; rows++ }; next }
            { n++; if ($1 != s[n] || (d = $2 - l[n]) > 5e-6 || d < -5e-6)
                  bad = 1 }
            END { exit bad || n != rows }' live.csv <(block script.gp t1) \
    && passed=$((passed + 1)) || { fail "train --plot:"; cat calls.txt; }

# A picture named through a symbolic link, to a file that is not there yet
# and then is, is drawn where the link points, and the link stays; a
# picture drawn again keeps its permissions.
mkdir elsewhere sub && ln -s ../elsewhere/linked.png sub/link.png
"$RNN" plot run.csv --out sub/link.png 2> "$tmp/err" \
    && chmod 640 elsewhere/linked.png \
    && "$RNN" plot run.csv --out sub/link.png 2> "$tmp/err" \
    && [ -L sub/link.png ] && [ "$(png_size elsewhere/linked.png)" = 800x500 ] \
    && [ "$(stat -c %a elsewhere/linked.png)" = 640 ] \
    && [ "$(ls sub elsewhere | grep -c png)" -eq 2 ] \
    && passed=$((passed + 1)) || fail "a picture through a symbolic link"

# 7. Failures. Usage errors: a picture whose name says no kind, no logs, a
# picture that would replace a log.
expect 2 "--out must name a .png, .svg, .pdf or .txt file, not 'run.jpg'" \
    plot run.csv --out run.jpg
expect 2 "--plot must name a .png, .svg, .pdf or .txt file, not 'run.csv'" \
    "${run[@]}" --plot run.csv
expect 2 "plot needs the logs to draw" plot
cp run.csv log.txt
expect 2 "--out names the same file as the log 'log.txt'" \
    plot log.txt --out ./log.txt
expect 2 "--plot names the same file as --log" "${run[@]}" --log x.txt \
    --plot x.txt
cmp -s run.csv log.txt && passed=$((passed + 1)) || fail "log.txt changed"
# Logs that are not logs: missing, empty, a header alone, another CSV, a
# bad row, no loss at all, and times asked of a log of the first version,
# which has none.
: > empty.csv
head -n 1 run.csv > header.csv
printf 'a,b,c\n1,2,3\n' > other.csv
{ head -n 3 run.csv; echo '15,2.5,,1.0,oops,1'; } > bad.csv
printf 'step,train_loss,val_loss\n10,3.5,3.25\n' > old.csv
printf 'step,train_loss,val_loss\n10,nan,\n20,-nan,\n' > nan.csv
expect 1 "cannot open 'missing.csv': No such file or directory" \
    plot missing.csv
expect 1 "'empty.csv' is empty" plot empty.csv
expect 1 "'header.csv' has no rows yet" plot header.csv
expect 1 "'other.csv', line 1: not a log of rnn train --log" plot other.csv
expect 1 "'bad.csv', line 4: 'oops' is not a number" plot bad.csv
expect 1 "'nan.csv' has no losses to draw" plot nan.csv
expect 1 "'old.csv' has no times (a log of an older rnn)" \
    plot old.csv --x seconds --out old.png
"$RNN" plot old.csv --out old.png 2> "$tmp/err" && [ "$(png_size old.png)" = 800x500 ] \
    && passed=$((passed + 1)) || fail "a log of the first version"
# Pictures that cannot be written: in a directory that is not there, under
# a file, over a directory, over a write-protected file.
mkdir dir.png
: > ro.png && chmod a-w ro.png
expect 1 "cannot write 'no/such/run.png': No such file or directory" \
    plot run.csv --out no/such/run.png
expect 1 "cannot write 'run.csv/x.svg': Not a directory" \
    plot run.csv --out run.csv/x.svg
expect 1 "cannot write 'dir.png': it is not a regular file" \
    plot run.csv --out dir.png
expect 1 "cannot write 'ro.png': it is write-protected" plot run.csv --out ro.png
expect 1 "cannot write 'no/live.png'" "${run[@]}" --steps 20 --plot no/live.png
# No gnuplot: rnn plot fails, and train --plot fails before it trains.
RNN=$PWD/no-gnuplot expect 1 "cannot draw 'x.png': gnuplot is not installed, or not on the PATH" \
    plot run.csv --out x.png
RNN=$PWD/no-gnuplot expect 1 "cannot draw the picture: gnuplot is not installed" \
    plot run.csv
RNN=$PWD/no-gnuplot expect 1 "cannot draw 'x.png': gnuplot is not installed" \
    "${run[@]}" --steps 20 --plot x.png --save none.ckpt
[ ! -e none.ckpt ] && [ ! -e x.png ] && passed=$((passed + 1)) \
    || fail "train --plot without gnuplot trained"
# gnuplot failing: its message, and the picture there before is kept.
cp run.png keep.png
RNN=$PWD/failing-gnuplot expect 1 "cannot draw 'keep.png': gnuplot failed: line 3: all gone wrong" \
    0 plot run.csv --out keep.png
cmp -s run.png keep.png && [ "$(ls | grep -c '^keep\.png')" -eq 1 ] \
    && passed=$((passed + 1)) || fail "a failed drawing changed keep.png"
# During a run, a picture that fails is a warning and the run goes on; the
# last failing fails the run, with the model saved.
./failing-gnuplot 1 "${run[@]}" --steps 40 --plot fail.png --save fail.ckpt \
    > fail.out 2> "$tmp/err"
status=$?
[ $status -eq 1 ] && [ "$(grep -c '^rnn: warning: cannot draw .*; training goes on$' "$tmp/err")" -eq 1 ] \
    && [ "$(tail -n 1 "$tmp/err")" = "rnn: cannot draw 'fail.png': gnuplot failed: line 3: all gone wrong" ] \
    && grep -q '^done steps=40 ' fail.out && [ "$(step_of fail.ckpt)" = 40 ] \
    && passed=$((passed + 1)) || fail "train --plot with gnuplot failing: status $status"

# 8. The help shows the true defaults: every default it shows is one the
# option accepts, and the learning rate's are those each optimiser trains
# with.
for c in train sample chat eval grad dump plot; do
    "$RNN" $c --help \
    | sed -n "s/^  --\([a-z-]*\) .*\[\([^], ]*\)\]\$/$c \1 \2/p"
done > defaults.txt
while read -r c name value; do
    "$RNN" $c --"$name" "$value" --help > /dev/null 2> "$tmp/err" \
        || fail "rnn $c --$name $value, the help's default, is refused"
done < defaults.txt
[ "$(wc -l < defaults.txt)" -gt 30 ] && passed=$((passed + 1)) \
    || fail "the help's defaults: only $(wc -l < defaults.txt) found"
rates=$("$RNN" --help | sed -n 's/^  --lr X .*\[\(.*\)\]$/\1/p')
for optim in sgd adagrad adam; do
    want=$(tr ',' '\n' <<< "$rates" | awk -v o=$optim '$2 == o { print $1 }')
    got=$("$RNN" --data "$here/data/tiny.txt" --hidden 8 --seq 10 --batch 2 \
          --steps 1 --sample-length 0 --optim $optim --save lr.ckpt \
          2> /dev/null | sed -n 's/^model: .*learning rate \([0-9.e-]*\)$/\1/p')
    [ -n "$want" ] && [ "$want" = "$got" ] && passed=$((passed + 1)) \
        || fail "--optim $optim: the help says '$want', the run uses '$got'"
    rm -f lr.ckpt
done
cd "$tmp" || exit 1
