# Command-line tests of the cost of a model with an unknown token; sourced
# by tests/cli.sh, whose helpers and variables it uses (it runs in $tmp).

# A model of Tiny Shakespeare that knows one character and the unknown
# token must pay for naming the characters the unknown token stands for
# (Chapter "Tokens"), in training's validation and in eval: at least 3
# bits per character, where a model of single characters, without any
# context, costs 4.8.
bpc_at_least() { awk -v x="$1" -v m="$2" 'BEGIN { exit !(x + 0 >= m) }'; }
"$RNN" --data "$here/data/tinyshakespeare.txt" --vocab-max 2 --hidden 32 \
    --steps 100 --save unk2.ckpt --sample-length 0 > unk2.out \
    2> "$tmp/err" \
  && val=$(sed -n 's/^done .* val_bpc=\([0-9.]*\) .*/\1/p' unk2.out) \
  && bpc_at_least "$val" 3 \
  && passed=$((passed + 1)) \
  || fail "validation of a model of one character: val_bpc=$val, expected at least 3"
"$RNN" eval --model unk2.ckpt --data "$here/data/tinyshakespeare.txt" \
    > unk2.eval 2> "$tmp/err" \
  && ev=$(sed -n 's/^eval .* bpc=\([0-9.]*\) .*/\1/p' unk2.eval) \
  && bpc_at_least "$ev" 3 \
  && passed=$((passed + 1)) \
  || fail "eval of a model of one character: $(cat unk2.eval), expected at least 3 bpc"
# The checkpoint keeps the rare characters' counts: eval of the held-out
# text, the last tenth, costs what training's validation said, up to the
# different cut into streams (16 against 32).
tail -c "$(( $(wc -c < "$here/data/tinyshakespeare.txt") / 10 ))" \
    "$here/data/tinyshakespeare.txt" > heldout.txt
"$RNN" eval --model unk2.ckpt --data heldout.txt > unk2.heldout \
    2> "$tmp/err" \
  && hv=$(sed -n 's/^eval .* bpc=\([0-9.]*\) .*/\1/p' unk2.heldout) \
  && awk -v a="$hv" -v b="$val" 'BEGIN { exit !(a - b < 0.05 && b - a < 0.05) }' \
  && "$RNN" dump --model unk2.ckpt | grep -c '^rare ' | grep -qx 64 \
  && passed=$((passed + 1)) \
  || fail "eval of the held-out text: $(cat unk2.heldout), validation $val bpc"
