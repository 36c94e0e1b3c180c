# Command-line tests of rnn export and rnn import, and of the book's NumPy
# sampler (build/sample.py); sourced by tests/cli.sh, whose helpers and
# variables it uses.

PY=/usr/bin/python3
sampler=$here/build/sample.py

# Usage errors: exit status 2.
expect 2 "export needs --model FILE and --out FILE" export --model x.ckpt
expect 2 "export needs --model FILE and --out FILE" export --out x.st
expect 2 "import needs --in FILE and --out FILE" import --in x.st
expect 2 "import needs --in FILE and --out FILE" import --out x.ckpt
expect 2 "option '--in' is not one of this command's" export --in x --out y
expect 2 "option '--model' is not one of this command's" import --model x
expect 2 "option '--out' is not one of this command's" sample --out x
for cmd in export import; do
    "$RNN" $cmd --help > "$tmp/out" 2> "$tmp/err" \
      && grep -q "^usage: rnn $cmd --" "$tmp/out" \
      && grep -q -- "--out FILE" "$tmp/out" && [ ! -s "$tmp/err" ] \
      && passed=$((passed + 1)) || fail "$cmd --help"
done

# A model of each cell, of two layers, goes out and comes back the same:
# its settings, vocabulary and weights (rnn dump prints each weight with
# ten digits, which tell every float apart); it samples and evaluates as
# the original does, and it trains further on a text given with --data.
ex=(--data "$here/data/tiny.txt" --hidden 16 --seq 10 --batch 4 --layers 2
    --sample-length 0 --val-every 0 --print-every 0)
model_part() { "$RNN" dump --model "$1" | awk '$1 == "carry" { exit }
                                               $1 != "state"'; }
for cell in rnn lstm gru; do
    "$RNN" "${ex[@]}" --cell $cell --steps 30 --save x-$cell.ckpt \
        > /dev/null 2> "$tmp/err" \
    && "$RNN" export --model x-$cell.ckpt --out x-$cell.st > out \
        2> "$tmp/err" \
    && grep -q "^export: 'x-$cell.ckpt' to 'x-$cell.st': $cell, 2 layer(s) of 16 units, [0-9]* character tokens, [0-9]* parameters$" out \
    && "$RNN" import --in x-$cell.st --out y-$cell.ckpt > out 2> "$tmp/err" \
    && grep -q "^import: 'x-$cell.st' to 'y-$cell.ckpt': $cell," out \
    && cmp -s <(model_part x-$cell.ckpt) <(model_part y-$cell.ckpt) \
    && [ "$(model_part y-$cell.ckpt | grep -c '^tensor ')" -ge 8 ] \
    && passed=$((passed + 1)) || fail "export and import of $cell"
    for cmd in "sample --length 40 --seed 3" "eval --data $here/data/tiny.txt"; do
        [ "$("$RNN" $cmd --model x-$cell.ckpt 2>&1)" \
          = "$("$RNN" $cmd --model y-$cell.ckpt 2>&1)" ] \
        && passed=$((passed + 1)) || fail "$cmd of the imported $cell"
    done
done
"$RNN" "${ex[@]}" --resume y-gru.ckpt --steps 5 > out 2> "$tmp/err" \
  && [[ "$(tail -n 1 out)" =~ ^done\ steps=5 ]] \
  && printf 'The\n' | "$RNN" chat --model y-gru.ckpt --length 5 > out \
       2> "$tmp/err" \
  && passed=$((passed + 1)) || fail "training and chatting the imported gru"

# What export writes is the file it describes: PyTorch's names and shapes
# (2 layers of the GRU: 3 x 16 = 48 gates), and a bias the LSTM lacks as
# zeros; the NumPy reader of the book loads it.
"$PY" - x-gru.st x-lstm.st > out 2> "$tmp/err" <<EOF
import sys
sys.path.insert(0, "$here/build")
import sample
w, meta = sample.load(sys.argv[1])
assert w["rnn.weight_ih_l1"].shape == (48, 16), w["rnn.weight_ih_l1"].shape
assert w["decoder.bias"].shape == (int(w["decoder.weight"].shape[0]),)
assert meta["cell"] == "gru" and meta["layers"] == "2", meta
w, meta = sample.load(sys.argv[2])
assert not w["rnn.bias_hh_l1"].any() and w["rnn.bias_ih_l1"].any()
print(sorted(w) == sorted(["rnn.%s_l%d" % (k, l) for l in range(2) for k in
      ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
      + ["decoder.weight", "decoder.bias"]))
EOF
[ "$(cat out)" = True ] && passed=$((passed + 1)) \
    || fail "the exported file, read with NumPy: $(cat out)"

# Files that are not what they should be are refused, with status 1, and
# no output is written. The forgeries are made from an exported file: its
# header's length, its header (text), and its data.
st=x-lstm.st
N=$(od -An -tu8 -N8 "$st" | tr -d ' ')
head -c $((8 + N)) "$st" | tail -c "$N" > header.txt
tail -c +$((9 + N)) "$st" > data.bin
# forge OUT HEADER-FILE DATA-FILE: a safetensors file of that header and data
forge() {
    local n le i
    n=$(wc -c < "$2")
    le=""
    for i in 0 1 2 3 4 5 6 7; do le+=$(printf '\\x%02x' $(((n >> 8 * i) & 255))); done
    { printf "$le"; cat "$2" "$3"; } > "$1"
}
refused() {   # refused PATTERN FILE: import of FILE fails as it should
    rm -f out.ckpt
    expect 1 "'$2' .*$1" import --in "$2" --out out.ckpt
    [ ! -e out.ckpt ] && passed=$((passed + 1)) || fail "import of $2 wrote"
}
forge same.st header.txt data.bin
cmp -s same.st "$st" && passed=$((passed + 1)) || fail "forge"
sed 's/{"__metadata__"/[/' header.txt > h && forge f.st h data.bin
refused "is not a safetensors file: its header is not JSON" f.st
sed 's/"cell":"lstm"/"cell":"ls\xfftm"/' header.txt > h && forge f.st h data.bin
refused "bytes that are not UTF-8" f.st
sed 's/"rnn.weight_hh_l0":{"dtype":"F32"/&,"dtype":"F32"/' header.txt > h \
    && forge f.st h data.bin
refused "with a field that is unknown or given twice" f.st
sed 's/"decoder.bias"/"rnn.weight_hh_l0"/' header.txt > h && forge f.st h data.bin
refused "has two tensors named 'rnn.weight_hh_l0'" f.st
sed 's/"F32"/"F16"/' header.txt > h && forge f.st h data.bin
refused "of dtype 'F16': rnn reads F32 only" f.st
forge f.st header.txt <(head -c -4 data.bin)
refused "run past the end of the file" f.st
forge f.st header.txt <(cat data.bin data.bin)
refused "leaves bytes $(wc -c < data.bin) to $((2 * $(wc -c < data.bin))) of its data unused" f.st
at=$(grep -o '"decoder.bias":{[^}]*}' header.txt | grep -o '[0-9]*,[0-9]*\]}$')
begin=${at%,*} end=${at#*,} end=${end%]\}}
sed "s/\[$begin,$end\]/[$((begin - 4)),$((end - 4))]/" header.txt > h \
    && forge f.st h <(head -c -4 data.bin)
refused "has tensors 'decoder.weight' and 'decoder.bias' that overlap" f.st
sed 's/"hidden":"16"/"hidden":"17"/' header.txt > h && forge f.st h data.bin
refused "holds fewer numbers than the model of its metadata has" f.st
{ cat data.bin; } > nan.bin
printf '\xff\xff\xff\x7f' | dd of=nan.bin bs=1 seek=40 conv=notrunc 2> /dev/null
forge f.st header.txt nan.bin
refused "whose number 10 is not finite" f.st
head -c 100 "$st" > f.st
refused "is not a safetensors file" f.st
printf '\xff\xff\xff\xff\xff\xff\xff\x7f{}' > f.st
refused "its header's length, 9223372036854775807 bytes, is more than 100 MB" f.st
refused "is not a safetensors file: its header's length" x-lstm.ckpt
expect 1 "cannot open 'none.st'" import --in none.st --out out.ckpt

# No file is lost: an output that exists and is not of the kind written is
# refused and left as it was (an output named as the input is one), and a
# failed import leaves the checkpoint it would have replaced as it was.
printf 'my notes\n' > notes.txt
cp y-lstm.ckpt keep.ckpt
expect 1 "cannot save 'notes.txt': it exists and is not a safetensors file" \
    export --model x-lstm.ckpt --out notes.txt
expect 1 "cannot save 'notes.txt': it exists and is not an rnn checkpoint" \
    import --in x-lstm.st --out notes.txt
expect 1 "cannot save 'x-lstm.ckpt': it exists and is not a safetensors file" \
    export --model x-lstm.ckpt --out x-lstm.ckpt
expect 1 "cannot save 'x-lstm.st': it exists and is not an rnn checkpoint" \
    import --in x-lstm.st --out x-lstm.st
expect 1 "'f.st' is not a safetensors file" import --in f.st --out y-lstm.ckpt
[ "$(cat notes.txt)" = "my notes" ] && cmp -s keep.ckpt y-lstm.ckpt \
    && cmp -s same.st x-lstm.st && "$RNN" dump --model x-lstm.ckpt > /dev/null \
    && passed=$((passed + 1)) || fail "a refused output was changed"

# The book's NumPy sampler writes what rnn sample writes at temperature 0:
# for each cell, untrained (random weights, whose likeliest tokens change
# often) and trained; with a prime, one with a character the model does not
# know, and none. Then models of a text with bytes that are not UTF-8, of
# characters and of words with an unknown token.
if ! "$PY" -c 'import numpy' 2> "$tmp/err"; then
    fail "$PY has no numpy (python3-numpy; make deps installs it)"
fi
same_sample() {   # same_sample CKPT: rnn and sample.py agree on it
    local prime ok=1
    "$RNN" export --model "$1" --out "$1.st" > /dev/null 2> "$tmp/err" || ok=0
    for prime in 'The ' 'Zed~ is' ''; do
        "$RNN" sample --model "$1" --temperature 0 --length 200 \
            --prime "$prime" > a.txt 2> "$tmp/err" \
        && "$PY" "$sampler" "$1.st" --temperature 0 --length 200 \
            --prime "$prime" > b.txt 2>> "$tmp/err" \
        && cmp -s a.txt b.txt || ok=0
    done
    [ $ok = 1 ] && passed=$((passed + 1)) || fail "sample.py and rnn sample on $1"
}
for cell in rnn lstm gru; do
    "$RNN" "${ex[@]}" --cell $cell --steps 0 --save r-$cell.ckpt > /dev/null \
        2> "$tmp/err" || fail "an untrained $cell"
    same_sample r-$cell.ckpt
    same_sample x-$cell.ckpt
done
{ cat "$here/data/tiny.txt"; printf 'Caf\xe9 na\xefve, \xe2\x82\xac \x01 "q" back\\slash\n'; } \
    > bytes.txt
"$RNN" "${ex[@]}" --data bytes.txt --steps 20 --save c-bytes.ckpt \
    > /dev/null 2> "$tmp/err" && same_sample c-bytes.ckpt \
    || fail "a model of a text with bytes"
"$RNN" "${ex[@]}" --data bytes.txt --tokens word --vocab-max 30 --steps 20 \
    --save w-bytes.ckpt > /dev/null 2> "$tmp/err" && same_sample w-bytes.ckpt \
    || fail "a model of words"
grep -q $'\xef\xbf\xbd' a.txt && passed=$((passed + 1)) \
    || fail "the word model's sample has no unknown token"
"$PY" "$sampler" w-bytes.ckpt.st --length 20 --seed 2 > b.txt 2> "$tmp/err" \
    && [ -s b.txt ] && passed=$((passed + 1)) || fail "sample.py at temperature 0.8"
