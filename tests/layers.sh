#!/usr/bin/env bash
# Check the program's modules from their compiled objects' symbols.
# Usage: tests/layers.sh "MODULE ..." FILE.nw ...   (objects in build/)
#  - the modules are layers: a module's object uses (nm -u) only symbols
#    that modules before it in the list define, so no call points up and
#    the graph has no cycle;
#  - each module's exported names (nm -g --defined-only) start with one of
#    its prefixes: its name, or those listed in PREFIXES below;
#  - every exported name is used by another object: the program, another
#    module, the tests, speed.c or measure.c; a name only the tests use is
#    declared in its header under a comment that says so ("for the tests");
#  - the book presents the modules of each of its parts in the same order:
#    within a part (the files from one \part to the next), the chapter
#    that first defines a chunk of a module's header comes no later than
#    the first chunk of the next module's in that part. A chapter may use
#    a module of a later part, as Part I (the model) uses the numbers and
#    tokens of Part II (the engineering), as long as the calls go down the
#    layers, which the first rule checks.
set -u
modules=($1); shift
status=0
complain() { echo "layers: $*" >&2; status=1; }

declare -A PREFIXES=(
    [tokens]="token_ vocab_" [corpus]="corpus_ streams_"
    [model]="model_ work_ dropout_" [sample]="sample_ sampler_"
)
declare -A owner rank
for i in "${!modules[@]}"; do
    m=${modules[$i]}; rank[$m]=$i
    [ -f "build/$m.o" ] || { complain "build/$m.o is missing"; exit 1; }
    for s in $(nm -g --defined-only "build/$m.o" | awk '{print $3}'); do
        owner[$s]=$m
        ok=0
        for p in ${PREFIXES[$m]:-${m}_}; do [[ $s == $p* ]] && ok=1; done
        [ $ok = 1 ] || complain "$m exports '$s', without the prefix ${PREFIXES[$m]:-${m}_}"
    done
done

# Edges: who uses whom.
declare -A used_by
users=("${modules[@]}" main check_rnn speed measure)
for u in "${users[@]}"; do
    for s in $(nm -u "build/$u.o" | awk '{print $2}'); do
        d=${owner[$s]:-}
        [ -n "$d" ] && [ "$d" != "$u" ] || continue
        used_by[$s]="${used_by[$s]:-} $u"
        if [ -n "${rank[$u]:-}" ] && [ "${rank[$d]}" -ge "${rank[$u]}" ]; then
            complain "$u uses '$s' of $d, which is not below it"
        fi
    done
done

# Every exported name has a user; names used only by the tests say so.
for s in "${!owner[@]}"; do
    m=${owner[$s]}
    u=${used_by[$s]:-}
    if [ -z "$u" ]; then
        complain "$m exports '$s', which no other object uses (make it static)"
    elif ! grep -qvw 'check_rnn\|speed' <<< "$(tr ' ' '\n' <<< "$u" | grep .)"; then
        awk -v s="$s" -f tests/comment-of.awk "build/$m.h" \
        || complain "$m exports '$s' for the tests only, and its header does not say so"
    fi
done

# The chapters of each part follow the layers.
declare -A part_of
part=0
for i in $(seq 1 $#); do
    grep -q '^\\part[{[]' "${!i}" && part=$((part + 1))
    part_of[$i]=$part
done
declare -A prev
for m in "${modules[@]}"; do
    first=$(grep -n -m1 -l "^<<$m\.[ch]>>=\|^<<$m interface>>=" "$@" | head -1)
    idx=0
    for i in $(seq 1 $#); do [ "${!i}" = "$first" ] && idx=$i; done
    [ $idx -gt 0 ] || { complain "no chapter defines $m.h"; continue; }
    p=${part_of[$idx]}
    [ $idx -ge "${prev[$p]:-0}" ] \
        || complain "$m is presented in $first, before a module below it in the same part"
    prev[$p]=$idx
done
exit $status
