#!/usr/bin/env bash
# The README's picture of a run: a short run on Tiny Shakespeare, drawn in
# characters by rnn plot, between two marker lines of README.md, under the
# commands that make it. The run's files go to build/readme/ (its log,
# checkpoint, the picture as text and as a PNG); the commands shown, run at
# the top of the repository, draw the same picture, since its numbers do
# not depend on the machine or the number of threads. With --write, write
# the picture into the README (make readme-figure); otherwise check that
# the README has this picture (make lint). Run from the repository root.
set -eu
dir=build/readme
begin='<!-- make readme-figure writes the picture below; make lint checks it -->'
end='<!-- end of the picture -->'
run=(--data data/tinyshakespeare.txt --cell gru --hidden 48 --batch 16
     --steps 500 --val-every 50 --val-frac 0.02 --lr 0.01
     --lr-schedule cosine --warmup 50 --print-every 10 --sample-length 0)
mkdir -p $dir
./rnn "${run[@]}" --log $dir/run.csv --save $dir/run.ckpt > $dir/run.out
(cd $dir && ../../rnn plot run.csv > run.txt && ../../rnn plot run.csv --out run.png)

# The block: the commands, wrapped as a shell would take them, and the
# picture, indented as code.
block() {
    echo "$begin"
    echo
    printf '%s\n' ./rnn "${run[@]}" --log run.csv --save run.ckpt \
    | awk 'BEGIN { line = "    $" }
           length(line) + length($0) > 72 { print line " \\"; line = "         " }
           { line = line " " $0 }
           END { print line }'
    echo '    $ ./rnn plot run.csv'
    sed 's/^/    /' $dir/run.txt
    echo
    echo "$end"
}
block > $dir/readme-block.md

if [ "${1:-}" = --write ]; then
    grep -qxF "$begin" README.md && grep -qxF "$end" README.md \
        || { echo "readme-plot: README.md lacks the marker lines" >&2; exit 1; }
    awk -v b="$begin" -v e="$end" -v f=$dir/readme-block.md '
        $0 == b { while ((getline l < f) > 0) print l; skip = 1; next }
        $0 == e { skip = 0; next }
        !skip' README.md > $dir/README.md
    cp $dir/README.md README.md
    exit 0
fi
awk -v b="$begin" -v e="$end" '$0 == b { on = 1 } on; $0 == e { on = 0 }' \
    README.md > $dir/readme-now.md
cmp -s $dir/readme-block.md $dir/readme-now.md || {
    echo "readme-plot: README.md's picture of a run is not the one the" \
         "build draws (make readme-figure writes it):" >&2
    diff $dir/readme-now.md $dir/readme-block.md >&2 || true
    exit 1
}
