# Command-line tests of commands, checkpoints, resuming, interruptions and
# tokens; sourced by tests/cli.sh, whose helpers and variables it uses.

# Usage errors of the commands: exit status 2.
expect 2 "unknown command 'bogus'" bogus
expect 2 "this command needs --model FILE" sample
expect 2 "option '--data' is not one of this command's" sample --data x
expect 2 "option '--argmax=1' takes no value" sample --argmax=1
expect 2 "option '--model' is not one of this command's" train --model x
expect 2 "unknown option '--modle'" sample --modle x
"$RNN" --version | grep -q '^rnn [0-9]' && passed=$((passed + 1)) \
    || fail "--version"
for cmd in train sample chat eval; do
    "$RNN" $cmd --help > "$tmp/out" 2> "$tmp/err" \
      && grep -q "^usage: rnn .*$cmd\|^usage: rnn \[train\]" "$tmp/out" \
      && [ ! -s "$tmp/err" ] && passed=$((passed + 1)) || fail "$cmd --help"
done

# The help shows the defaults a run really takes: those a checkpoint of a
# run with no model options records.
"$RNN" --data "$here/data/tinyshakespeare.txt" --steps 1 --save defaults.ckpt \
    --hidden 8 --val-frac 0.5 --sample-length 1 > /dev/null 2> "$tmp/err" \
  && "$RNN" dump --model defaults.ckpt > defaults.dump \
  && "$RNN" --help > help.out || fail "a run with the defaults"
for name in cell layers tokens batch seq optim clip seed lr-schedule; do
    value=$(awk -v n="$name" '$1 == "setting" && $2 == n { print $3 }' \
        defaults.dump)
    [ -n "$value" ] && grep -Eq -- "^  --$name .*\[$value\]$" help.out \
      && passed=$((passed + 1)) || fail "--help's default of --$name: $value"
done

# A model too big for the machine, and unwritable checkpoints, are refused
# before any training.
expect 1 "this model would need .* GB of memory for training, more than" \
    --data "$here/data/tiny.txt" --hidden 100000000 --batch 4 --seq 10
expect 1 "cannot save '$tmp/no/dir/m.ckpt': No such file or directory" \
    --data "$here/data/tiny.txt" --save "$tmp/no/dir/m.ckpt"
expect 1 "cannot save '$tmp': it is a directory" \
    --data "$here/data/tiny.txt" --save "$tmp"

# Train a small model of each cell, then sample it, evaluate it, and resume
# it; a run of 40 steps and a run of 20 resumed for 20 more must leave
# byte-identical checkpoints and the same summary.
tiny=(--data "$here/data/tiny.txt" --hidden 16 --seq 10 --batch 4
      --sample-length 20 --val-every 10 --layers 2 --dropout 0.1)
for cell in rnn lstm gru; do
    "$RNN" "${tiny[@]}" --cell $cell --steps 40 --save $cell-40.ckpt \
        > $cell-40.out 2> "$tmp/err" \
    && "$RNN" "${tiny[@]}" --cell $cell --steps 20 --save $cell-20.ckpt \
        > /dev/null 2> "$tmp/err" \
    && "$RNN" "${tiny[@]}" --resume $cell-20.ckpt --steps 40 \
        > $cell-resumed.out 2> "$tmp/err" \
    && cmp -s $cell-40.ckpt $cell-20.ckpt \
    && [ "$(strip $cell-40.out)" = "$(strip $cell-resumed.out)" ] \
    && passed=$((passed + 1)) || fail "exact resume of $cell"
done
model=lstm-40.ckpt
"$RNN" sample --model $model --length 50 --prime 'The ' --seed 7 \
    > sample1 2> "$tmp/err" \
  && "$RNN" sample --model $model --length 50 --prime 'The ' --seed 7 \
    > sample2 && cmp -s sample1 sample2 && [ ! -s "$tmp/err" ] \
  && [ "$(head -c 4 sample1)" = "The " ] \
  && [ "$(wc -m < sample1)" -ge 54 ] && passed=$((passed + 1)) \
  || fail "rnn sample"
"$RNN" sample --model $model --argmax --length 30 > argmax1 \
  && "$RNN" sample --model $model --length 30 --temperature 0 --seed 9 \
    > argmax2 && cmp -s argmax1 argmax2 && passed=$((passed + 1)) \
  || fail "--argmax is temperature 0"
"$RNN" eval --model $model --data "$here/data/tiny.txt" > out 2> "$tmp/err" \
  && grep -Eq '^eval tokens=1115 loss=[0-9.]+ bpc=[0-9.]+ perplexity=[0-9.]+$' out \
  && passed=$((passed + 1)) || fail "rnn eval: $(cat out)"

# Resuming keeps the model's shape, needs more steps, and fine-tunes on a
# text with the same characters but not on one with new ones.
expect 2 "--hidden differs from the checkpoint's" \
    "${tiny[@]}" --resume $model --steps 50 --hidden 32
expect 2 "the checkpoint is at step 40 already" \
    "${tiny[@]}" --resume $model --steps 40
sed -n '1,10p' "$here/data/tiny.txt" > same.txt
printf 'Zebra \303\251t\303\251 ~ quartz\n' >> same.txt
head -c 600 "$here/data/tiny.txt" > subset.txt
expect 1 "tokens outside the model's vocabulary: .*'\\\\303\\\\251'\|tokens outside the model's vocabulary: .*'é'" \
    --resume $model --data same.txt --steps 50 --batch 4
"$RNN" --resume $model --data subset.txt --steps 45 --save tuned.ckpt \
    --sample-length 0 > out 2> "$tmp/err" && tail -n 1 out | grep -q '^done steps=45 ' \
  && passed=$((passed + 1)) || fail "fine-tuning on a subset"

# Damaged checkpoints: one line, exit status 1, and the file is untouched.
cp $model good.ckpt
printf 'hello' > text.ckpt
head -c 100 good.ckpt > short.ckpt
{ cat good.ckpt; printf 'x'; } > long.ckpt
cp good.ckpt flipped.ckpt
printf '\377' | dd of=flipped.ckpt bs=1 seek=300 conv=notrunc 2> /dev/null
cp good.ckpt future.ckpt
printf '\006' | dd of=future.ckpt bs=1 seek=8 conv=notrunc 2> /dev/null
expect 1 "'text.ckpt' is not an rnn checkpoint" sample --model text.ckpt
expect 1 "'short.ckpt' is truncated or damaged" sample --model short.ckpt
expect 1 "'long.ckpt' is truncated or damaged" eval --model long.ckpt \
    --data "$here/data/tiny.txt"
expect 1 "'flipped.ckpt' is corrupt: its checksum does not match" \
    chat --model flipped.ckpt
expect 1 "'future.ckpt' has format version 6, but this rnn reads versions 1 to 5" \
    sample --model future.ckpt
expect 1 "cannot open 'missing.ckpt'" sample --model missing.ckpt
expect 1 "'text.ckpt' is not an rnn checkpoint" "${tiny[@]}" \
    --resume text.ckpt --steps 50
cmp -s $model good.ckpt && passed=$((passed + 1)) || fail "model changed"

# Without --save a run saves to rnn.ckpt, then rnn-2.ckpt: never over an
# older model.
mkdir fresh && cd fresh \
  && "$RNN" "${tiny[@]}" --steps 2 > out1 && "$RNN" "${tiny[@]}" --steps 2 > out2 \
  && grep -q "^checkpoint: 'rnn.ckpt'" out1 \
  && grep -q "^checkpoint: 'rnn-2.ckpt'" out2 && [ -f rnn.ckpt ] \
  && [ -f rnn-2.ckpt ] && passed=$((passed + 1)) \
  || fail "default checkpoint names"
cd "$tmp"

# Ctrl-C saves at the next step and exits 0 with the summary.
"$RNN" "${tiny[@]}" --steps 1000000 --print-every 1 --save int.ckpt \
    > int.out 2> "$tmp/err" &
pid=$!
for i in $(seq 100); do grep -q '^step 5/' int.out 2> /dev/null && break; sleep 0.1; done
kill -INT $pid
wait $pid
status=$?
[ $status -eq 0 ] && grep -q '^interrupted at step [0-9]* by SIGINT; saved' int.out \
  && tail -n 1 int.out | grep -q '^done steps=' \
  && "$RNN" sample --model int.ckpt --length 5 > /dev/null \
  && passed=$((passed + 1)) || fail "SIGINT: status $status"

# kill -9 at arbitrary moments, while a run saves a checkpoint at every
# step, never leaves a damaged checkpoint behind.
cp good.ckpt crash.ckpt
ok=1
for delay in 0.05 0.1 0.15 0.2 0.25 0.3 0.35 0.4; do
    "$RNN" "${tiny[@]}" --resume crash.ckpt --steps 1000000 --save-every 1 \
        > /dev/null 2>&1 &
    pid=$!
    sleep $delay
    kill -9 $pid; wait $pid 2> /dev/null
    "$RNN" sample --model crash.ckpt --length 5 > /dev/null 2>&1 || ok=0
done
[ $ok -eq 1 ] && passed=$((passed + 1)) || fail "kill -9 damaged a checkpoint"

# Tokens: invalid UTF-8 trains (byte fallback) and comes back out; words.
{ for i in $(seq 40); do printf 'caf\351 cr\350me br\373l\351e, na\357ve. '; done; } > latin1.txt
"$RNN" --data latin1.txt --hidden 16 --seq 10 --batch 4 --steps 30 \
    --save latin1.ckpt --sample-length 0 > out 2> "$tmp/err" \
  && grep -q '^corpus: 1040 characters, 17 distinct' out \
  && "$RNN" sample --model latin1.ckpt --prime "caf$(printf '\351')" \
    --length 0 | cmp -s - <(printf 'caf\351') \
  && passed=$((passed + 1)) || fail "Latin-1 text: $(head -n 1 out)"
"$RNN" --data "$here/data/tiny.txt" --tokens word --vocab-max 50 --hidden 16 \
    --seq 10 --batch 4 --steps 20 --save words.ckpt --sample-length 0 \
    > out 2> "$tmp/err" \
  && grep -q '^corpus: [0-9]* tokens, 50 distinct' out \
  && "$RNN" sample --model words.ckpt --length 40 --prime 'the ' > out \
  && passed=$((passed + 1)) || fail "word tokens: $(cat "$tmp/err")"

# Chat, as a person uses it: in a terminal (a tmux pane). Type a line and
# wait for the reply and the next prompt; change the temperature; type
# another; end with Ctrl-D.
pane() { tmux -S "$tmp/tmux" capture-pane -p -t chat; }
await() {   # await PATTERN [COUNT]: wait until COUNT pane lines match
    for i in $(seq 100); do
        [ "$(pane | grep -c -- "$1")" -ge "${2:-1}" ] && return 0
        sleep 0.1
    done
    return 1
}
say() {     # say LINE PROMPTS: type LINE, wait for the PROMPTS-th prompt
    tmux -S "$tmp/tmux" send-keys -t chat "$1" Enter && await '^>' "$2"
}
if command -v tmux > /dev/null; then
    tmux -S "$tmp/tmux" new-session -d -s chat -x 120 -y 30 \
        "'$RNN' chat --model '$tmp/$model' --argmax --length 40; echo CHAT-EXIT=\$?; sleep 30"
    await '^>' && say 'First Citizen:' 2 && say ':temp 0.5' 3 \
      && say 'the ' 4 && tmux -S "$tmp/tmux" send-keys -t chat C-d \
      && await 'CHAT-EXIT=0' \
      && pane | grep -q "^rnn chat: '.*' (lstm, [0-9]* tokens)" \
      && pane | grep -q "^> First Citizen:$" \
      && pane | grep -A1 '^> the *$' | tail -n 1 | grep -q '[a-z]' \
      && passed=$((passed + 1)) || { fail "chat in a terminal:"; pane; }
    tmux -S "$tmp/tmux" kill-server 2> /dev/null
else
    fail "chat: tmux is not installed (make deps installs it)"
fi

# --steps 0 saves the untrained model; grad prints its loss and gradient:
# a loss line, then per tensor a header and rows*cols values.
"$RNN" --data "$here/data/tiny.txt" --hidden 8 --batch 4 --seq 10 --cell gru \
    --steps 0 --save init.ckpt --sample-length 0 > out 2> "$tmp/err" \
  && tail -n 1 out | grep -q '^done steps=0 train_loss=none ' \
  && "$RNN" grad --model init.ckpt --data "$here/data/tiny.txt" > grad \
  && head -n 1 grad | grep -Eq '^loss [0-9.]+e[+-][0-9]+$' \
  && [ "$(grep -c '^tensor ' grad)" -eq 6 ] \
  && [ "$(awk '/^tensor/ { n += $3 * $4 } END { print n + 7 }' grad)" \
       -eq "$(wc -l < grad)" ] \
  && passed=$((passed + 1)) || fail "--steps 0 and rnn grad"

# The number of threads does not change the result: the same checkpoint,
# byte for byte, from one and from two threads.
wide=(--data "$here/data/tiny.txt" --hidden 64 --seq 20 --batch 16 --steps 8
      --layers 2 --sample-length 0 --val-every 4)
"$RNN" "${wide[@]}" --threads 1 --save th1.ckpt > th1.out 2> "$tmp/err" \
  && "$RNN" "${wide[@]}" --threads 2 --save th2.ckpt > th2.out 2> "$tmp/err" \
  && cmp -s th1.ckpt th2.ckpt && [ "$(strip th1.out)" = "$(strip th2.out)" ] \
  && passed=$((passed + 1)) || fail "--threads 1 and 2 differ"

# Nor does sharing the streams by speed, with three threads on whatever
# cores there are: a GRU whose 72 gates leave columns outside the vectors,
# and five streams, so that a thread may have a single one.
odd=(--data "$here/data/tiny.txt" --cell gru --hidden 24 --seq 9 --batch 5
     --steps 30 --layers 2 --sample-length 0 --val-every 0)
"$RNN" "${odd[@]}" --threads 1 --save od1.ckpt > od1.out 2> "$tmp/err" \
  && "$RNN" "${odd[@]}" --threads 3 --save od3.ckpt > od3.out 2> "$tmp/err" \
  && cmp -s od1.ckpt od3.ckpt \
  && passed=$((passed + 1)) || fail "--threads 1 and 3 differ (by speed)"

# Kernels: by default the best one this processor can run; RNN_KERNEL
# chooses another, and an unknown one, or one this processor cannot run,
# is refused. Every kernel it can run trains.
kernels=$("$here/build/check_rnn" kernels)
"$RNN" --version | grep -q "^rnn [0-9.]*, kernel $(head -n 1 <<< "$kernels") (" \
    && passed=$((passed + 1)) || fail "default kernel: $("$RNN" --version)"
RNN_KERNEL=foo expect 1 "RNN_KERNEL=foo: this program has no kernel 'foo'" --version
for k in avx512 avx2 neon; do
    grep -qx $k <<< "$kernels" || "$RNN" --version | grep -q "kernel $k" && continue
    RNN_KERNEL=$k "$RNN" --version > /dev/null 2> "$tmp/err" \
      && fail "RNN_KERNEL=$k ran" || grep -q "cannot run\|no kernel" "$tmp/err" \
      && passed=$((passed + 1)) || fail "RNN_KERNEL=$k: $(cat "$tmp/err")"
done
for k in $kernels; do
    RNN_KERNEL=$k "$RNN" "${tiny[@]}" --steps 5 --save k-$k.ckpt > out 2> "$tmp/err" \
      && grep -q "^kernel: $k (" out && tail -n 1 out | grep -q '^done steps=5 ' \
      && passed=$((passed + 1)) || fail "training with RNN_KERNEL=$k"
done
