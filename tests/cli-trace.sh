# Command-line tests of rnn trace; sourced by tests/cli.sh, whose helpers
# and variables it uses (it runs in $tmp).

"$RNN" trace --help > "$tmp/out" 2> "$tmp/err" \
  && grep -q '^usage: rnn trace --model FILE --data FILE' "$tmp/out" \
  && grep -q -- '--max-tokens N' "$tmp/out" && [ ! -s "$tmp/err" ] \
  && passed=$((passed + 1)) || fail "trace --help"

# Models of every cell, two layers deep, trained on a text with the
# characters that a trace must quote (a double quote, a comma, a
# backslash, a tab and newlines), and a text to trace of 213 characters:
# three full windows of 64 tokens and a part of one.
{ cat "$here/data/tiny.txt"; printf 'a "b", \\c\n\td\n'; } > trace-train.txt
{ head -c 200 "$here/data/tiny.txt"; printf 'a "b", \\c\n\td\n'; } > trace.txt
od -An -v -tx1 trace.txt | tr -s ' ' '\n' | grep . > trace.hex
for cell in rnn lstm gru; do
    "$RNN" --data trace-train.txt --cell $cell --layers 2 --hidden 8 \
        --seq 10 --batch 4 --steps 30 --save trace-$cell.ckpt \
        --sample-length 0 > /dev/null 2> "$tmp/err" \
      || fail "training a $cell to trace"
done

# The trace's states and gates are those of the forward pass, which
# tests/trace.awk computes from the weights that rnn dump prints.
for cell in rnn lstm gru; do
    "$RNN" dump --model trace-$cell.ckpt > trace.dump \
      && "$RNN" trace --model trace-$cell.ckpt --data trace.txt > trace.csv \
           2> "$tmp/err" && [ ! -s "$tmp/err" ] \
      && [ "$(wc -l < trace.csv)" -eq $((213 * 2 * 8 + 1)) ] \
      && awk -f "$here/tests/trace.awk" trace.dump trace.hex trace.csv \
           > trace.check \
      && passed=$((passed + 1)) || fail "trace of the $cell: $(cat trace.check)"
done

# A choice of layers, units and tokens writes the rows of the full trace
# that it chooses, and nothing else.
"$RNN" trace --model trace-lstm.ckpt --data trace.txt > trace.csv \
  && "$RNN" trace --model trace-lstm.ckpt --data trace.txt --layer 2 \
    --unit 1,3-4 --max-tokens 70 > part.csv 2> "$tmp/err" \
  && awk -F, 'NR == FNR { full[$0] = 1; next }
              FNR > 1 && (!($0 in full) || $(NF - 7) != 2) { bad = 1 }
              END { exit bad }' trace.csv part.csv \
  && [ "$(tail -n +2 part.csv | cut -d, -f1 | sort -un | tail -n 1)" = 69 ] \
  && [ "$(tail -n +2 part.csv | awk -F, '{ print $(NF - 6) }' | sort -u \
          | tr '\n' ' ')" = "1 3 4 " ] \
  && [ "$(wc -l < part.csv)" -eq $((70 * 3 + 1)) ] \
  && passed=$((passed + 1)) || fail "trace --layer 2 --unit 1,3-4 --max-tokens 70"

# It streams: a text that never ends is traced for --max-tokens tokens.
yes 'the cat' | timeout 60 "$RNN" trace --model trace-gru.ckpt \
    --data /dev/stdin --unit 0 --layer 1 --max-tokens 100000 > stream.csv \
    2> "$tmp/err" \
  && [ "$(wc -l < stream.csv)" -eq 100001 ] \
  && tail -n 1 stream.csv | grep -q '^99999,"\\n",1,0,' \
  && passed=$((passed + 1)) || fail "trace of an endless text: $(cat "$tmp/err")"

# Refusals: usage errors (2), and models and texts it cannot read (1),
# before anything is written.
expect 2 "this command needs --model FILE" trace --data trace.txt
expect 2 "trace needs --data FILE" trace --model trace-lstm.ckpt
expect 2 "--unit must list units from 0 to 7 (the model's), as numbers and ranges such as 1,3-5, not '8'" \
    trace --model trace-lstm.ckpt --data trace.txt --unit 8
expect 2 "--unit must list units from 0 to 7 .*, not '1,,2'" \
    trace --model trace-lstm.ckpt --data trace.txt --unit 1,,2
expect 2 "--unit must list units .*, not '3-1'" \
    trace --model trace-lstm.ckpt --data trace.txt --unit 3-1
expect 2 "--layer must list layers from 1 to 2 .*, not '0'" \
    trace --model trace-lstm.ckpt --data trace.txt --layer 0
expect 2 "--max-tokens must be an integer from 0" \
    trace --model trace-lstm.ckpt --data trace.txt --max-tokens -1
expect 2 "option '--hidden' is not one of this command's" \
    trace --model trace-lstm.ckpt --data trace.txt --hidden 3
: > empty.txt
printf 'ab\000c' > nul.txt
printf 'the cat\nsat on the zebra\n' > zebra.txt
expect 1 "cannot open 'missing.txt'" trace --model trace-lstm.ckpt \
    --data missing.txt
expect 1 "'empty.txt' is empty" trace --model trace-lstm.ckpt --data empty.txt
expect 1 "'nul.txt' looks like binary data (NUL byte at offset 2)" \
    trace --model trace-lstm.ckpt --data nul.txt
expect 1 "cannot read '.': Is a directory" trace --model trace-lstm.ckpt \
    --data .
expect 1 "outside the model's vocabulary: 'z' (token 19)" \
    trace --model trace-lstm.ckpt --data zebra.txt
[ ! -s "$tmp/out" ] && passed=$((passed + 1)) \
    || fail "a text the model cannot read: the trace wrote $(wc -l < "$tmp/out") lines"
expect 1 "'trace.txt' is not an rnn checkpoint" trace --model trace.txt \
    --data trace.txt
# A pipe is checked as it is read: the trace stops at the token.
cat zebra.txt | "$RNN" trace --model trace-lstm.ckpt --data /dev/stdin \
    --unit 0 --layer 1 > out 2> "$tmp/err"
[ "${PIPESTATUS[1]}" -eq 1 ] && [ "$(wc -l < out)" -eq 20 ] \
  && grep -q "^rnn: .*'z' (token 19)$" "$tmp/err" \
  && passed=$((passed + 1)) || fail "a pipe with a token the model cannot read"
