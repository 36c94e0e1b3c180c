# Command-line tests of schedules, the best model, early stopping, the time
# budget and checkpoints of the first version; sourced by tests/cli.sh,
# whose helpers and variables it uses.

# Bad durations are usage errors.
expect 2 "--time must be a duration such as 90s, 10m or 1h, not '10x'" \
    --time 10x
expect 2 "--time must be a duration such as 90s, 10m or 1h, not ''" --time ''
expect 2 "--time must be a duration such as 90s, 10m or 1h, not 'm'" --time m
expect 2 "--lr-schedule must be one of constant|step|cosine, not 'linear'" \
    --lr-schedule linear

# Each schedule resumes exactly: 40 steps in one run, and 20 resumed for 20
# more, leave the same checkpoint and summary; and the schedule does change
# the training, or the test would prove nothing. The cosine's end is given
# to the first half; an unbroken run ends its cosine at its last step.
sched=(--data "$here/data/tiny.txt" --hidden 16 --seq 10 --batch 4
       --sample-length 0 --val-every 10 --warmup 5)
"$RNN" "${sched[@]}" --steps 40 --save constant.ckpt > /dev/null 2> "$tmp/err"
for s in "step --lr-decay 0.5 --lr-decay-after 0" \
         "cosine --schedule-steps 40"; do
    name=${s%% *} first=${s#$name}
    "$RNN" "${sched[@]}" --lr-schedule $name ${first% --sched*} --steps 40 \
        --save $name-40.ckpt > $name-40.out 2> "$tmp/err" \
    && "$RNN" "${sched[@]}" --lr-schedule $s --steps 20 --save $name-20.ckpt \
        > /dev/null 2> "$tmp/err" \
    && "$RNN" --data "$here/data/tiny.txt" --sample-length 0 --val-every 10 \
        --resume $name-20.ckpt --steps 40 > $name-resumed.out 2> "$tmp/err" \
    && cmp -s $name-40.ckpt $name-20.ckpt \
    && [ "$(strip $name-40.out)" = "$(strip $name-resumed.out)" ] \
    && ! cmp -s $name-40.ckpt constant.ckpt \
    && passed=$((passed + 1)) || fail "exact resume with the $name schedule"
done
grep -q "^schedule: cosine, to 0 at step 40; 5 steps of warm-up$" cosine-40.out \
    && grep -q "^schedule: step, times 0.5 every epoch of 25 steps after 0 epochs; 5 steps of warm-up$" \
        step-40.out \
    && passed=$((passed + 1)) || fail "the header's schedule"

# Early stopping: with --patience 3, the run stops at the third validation
# in a row without a better loss, and not before; the summary and the
# --save-best checkpoint name the best step, whose loss is the lowest seen.
"$RNN" --data "$here/data/tiny.txt" --hidden 64 --batch 4 --seq 10 --lr 0.01 \
    --val-every 5 --patience 3 --save stop.ckpt --save-best best.ckpt \
    --sample-length 0 --print-every 0 > stop.out 2> "$tmp/err"
# Each validation line is marked best when its loss is below every earlier
# one (to the four decimals shown), and the third unmarked one in a row
# stops the run.
verdict=$(awk '$1 == "step" && $3 == "val_loss" {
    marked = $NF == "best"
    if (n++ > 0 && (marked ? $4 > best : $4 < best)) { print "wrong", $2; exit }
    if (marked) { best = $4; bs = $4 ""; at = $2; stale = 0 }
    else if (++stale == 3) { print $2, at, bs; exit } }' stop.out)
read -r stop_at best_at best_val <<< "$verdict"
last=$(tail -n 1 stop.out)
[ -n "$best_val" ] \
  && grep -q "^stopped at step $stop_at: 3 validations without a better loss; saved 'stop.ckpt'$" stop.out \
  && [ "$(awk '$1 == "step" && $3 == "val_loss"' stop.out | tail -n 1 | cut -d' ' -f2)" = "$stop_at" ] \
  && [[ "$last" =~ ^done\ steps=$stop_at\ .*\ best_step=$best_at\ best_val=$best_val$ ]] \
  && "$RNN" dump --model best.ckpt | grep -qx "state step $best_at" \
  && "$RNN" dump --model stop.ckpt | grep -qx "state best-step $best_at" \
  && passed=$((passed + 1)) || fail "--patience 3 and --save-best: $verdict; $last"

# A time budget: the run stops when its time is up, within it (give or
# take a loaded machine's second), with the cosine's rate near its end.
"$RNN" --data "$here/data/tinyshakespeare.txt" --hidden 32 --time 3s \
    --lr-schedule cosine --print-every 20 --val-every 100 --threads 1 \
    --sample-length 0 --save timed.ckpt \
    > timed.out 2> "$tmp/err"
seconds=$(tail -n 1 timed.out | sed -n 's/.* seconds=\([0-9.]*\).*/\1/p')
rate=$(grep '  lr ' timed.out | tail -n 1 | sed 's/.*  lr \([0-9.e+-]*\).*/\1/')
grep -q "^stops after 3 seconds$" timed.out \
  && grep -q "^stopped at step [0-9]*: the time is up; saved 'timed.ckpt'$" timed.out \
  && awk -v s="$seconds" -v r="$rate" 'BEGIN { exit !(s <= 4 && r < 5e-4) }' \
  && passed=$((passed + 1)) || fail "--time 3s: $seconds s, last rate $rate"
"$RNN" --data "$here/data/tiny.txt" --hidden 8 --batch 4 --seq 10 --steps 1 \
    --time 1h30m --sample-length 0 --save hour.ckpt > hour.out 2> "$tmp/err" \
  && grep -q "^stops at step 1, or after 5400 seconds$" hour.out \
  && passed=$((passed + 1)) || fail "--time 1h30m"

# dumps CKPT LINE...: rnn dump of CKPT has each LINE, whole; version CKPT:
# the checkpoint's format version.
dumps() {
    local ckpt=$1 line
    shift
    "$RNN" dump --model "$ckpt" > "$tmp/dump" 2> "$tmp/err" || return 1
    for line; do grep -qxF -- "$line" "$tmp/dump" || return 1; done
}
version() { od -An -tu1 -j8 -N1 "$1" | tr -d ' '; }

# A checkpoint of the first version, written by rnn 0.5.0 before there were
# schedules, loads with the defaults of what it lacks, samples, and resumes
# into a checkpoint of the fifth version.
cp "$here/tests/data/version1.ckpt" v1.ckpt
dumps v1.ckpt "setting lr-schedule constant" "state best-step 0" \
  && "$RNN" sample --model v1.ckpt --length 20 > /dev/null 2> "$tmp/err" \
  && "$RNN" --data "$here/data/tiny.txt" --resume v1.ckpt --steps 10 \
     --sample-length 0 > v1.out 2> "$tmp/err" \
  && grep -q "^resuming 'v1.ckpt' at step 5$" v1.out \
  && [ "$(version v1.ckpt)" = 5 ] \
  && passed=$((passed + 1)) || fail "a checkpoint of version 1"

# A checkpoint of the second version, written by rnn 0.5.0 before the
# starting point was a setting, reads as the start it was made with (zero
# biases, forget bias 1), whatever the defaults are now, keeps it, and
# resumes into a checkpoint of the fifth version. Its start cannot be
# changed on resuming, and a forget bias is for the LSTM alone.
cp "$here/tests/data/version2.ckpt" v2.ckpt
start=("setting bias-init zero" "setting forget-bias 1")
dumps v2.ckpt "${start[@]}" \
  && "$RNN" --data "$here/data/tiny.txt" --resume v2.ckpt --steps 10 \
     --sample-length 0 > v2.out 2> "$tmp/err" \
  && [ "$(version v2.ckpt)" = 5 ] && dumps v2.ckpt "${start[@]}" \
  && passed=$((passed + 1)) || fail "a checkpoint of version 2"
expect 2 "--forget-bias differs from the checkpoint's" \
    --data "$here/data/tiny.txt" --resume v2.ckpt --steps 20 --forget-bias 0
expect 2 "--forget-bias is the LSTM's; the gru cell has no forget gate" \
    --data "$here/data/tiny.txt" --cell gru --forget-bias 1 --steps 1
expect 2 "--bias-init must be one of zero|uniform, not 'pytorch'" \
    --data "$here/data/tiny.txt" --bias-init pytorch --steps 1

# upgrades N OPTION VALUE HEADER WAS NOW KEPT: the checkpoint of version N
# in tests/data dumps the lines WAS and KEPT; it resumes for 10 steps with
# --OPTION VALUE, names it in a header line that matches HEADER, and is
# then a checkpoint of the fifth version that dumps NOW and KEPT.
upgrades() {
    local ckpt="v$1.ckpt"
    cp "$here/tests/data/version$1.ckpt" "$ckpt"
    dumps "$ckpt" "$5" "$7" \
      && "$RNN" --data "$here/data/tiny.txt" --resume "$ckpt" --steps 10 \
         "--$2" "$3" --sample-length 0 > "$ckpt.out" 2> "$tmp/err" \
      && grep -q "$4" "$ckpt.out" && [ "$(version "$ckpt")" = 5 ] \
      && dumps "$ckpt" "$6" "$7" \
      && passed=$((passed + 1)) || fail "a checkpoint of version $1"
}

# A checkpoint of the third version, written before the weight decay was a
# setting, reads with none and keeps its average of the weights; it resumes
# into a checkpoint of the fifth version, with the decay the run asks for,
# which the run's header names.
upgrades 3 weight-decay 0.5 "^model: .*, learning rate 0.002, weight decay 0.5$" \
    "setting weight-decay 0" "setting weight-decay 0.5" \
    "setting average 0.90000000000000002"
expect 2 "--weight-decay must be a number from 0 to 100, not '-1'" \
    --data "$here/data/tiny.txt" --weight-decay -1 --steps 1

# A checkpoint of the fourth version, written before recurrent weights
# could be dropped, reads with none and keeps its weight decay; it resumes
# into a checkpoint of the fifth version, with the share of dropped weights
# the run asks for, which the run's header names.
upgrades 4 weight-drop 0.3 "^model: .*, weight decay 0.25, weight drop 0.3$" \
    "setting weight-drop 0" "setting weight-drop 0.29999999999999999" \
    "setting weight-decay 0.25"
expect 2 "--weight-drop must be a number from 0 to 0.9, not '1'" \
    --data "$here/data/tiny.txt" --weight-drop 1 --steps 1

# The average of the weights: its decay is below 1; a run that keeps it
# says so, and stores it and its decay, which a resumed run keeps; eval
# measures it.
expect 2 "--average must be a number from 0 to 0.99999, not '1'" \
    --data "$here/data/tiny.txt" --average 1 --steps 1
"$RNN" --data "$here/data/tiny.txt" --hidden 8 --batch 4 --seq 10 \
    --steps 30 --average 0.9 --val-frac 0.5 --sample-length 0 \
    --save avg.ckpt > avg.out 2> "$tmp/err" \
  && grep -q "^start: biases zero, forget gate's bias +0; weights averaged, decay 0.9$" avg.out \
  && "$RNN" dump --model avg.ckpt | grep -qx "setting average 0.90000000000000002" \
  && "$RNN" eval --model avg.ckpt --data "$here/data/tiny.txt" \
       > avg.eval 2> "$tmp/err" \
  && passed=$((passed + 1)) || fail "--average 0.9"
expect 2 "--average differs from the checkpoint's" \
    --data "$here/data/tiny.txt" --resume avg.ckpt --steps 40 --average 0.5
