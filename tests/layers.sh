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
#  - a module built twice, as machines is (one process, or MPI's), is
#    checked in both builds: build/M.o and, if it exists, build/mpi/M.o;
#  - the only way a module calls up the layers is a declared interface: a
#    function pointer in a header must be a member of a structure, or a
#    parameter of a function, that INTERFACES (in the environment) names,
#    so that every such seam is written down where the layers are;
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
objects() { echo "build/$1.o"; [ -f "build/mpi/$1.o" ] && echo "build/mpi/$1.o"; }
for i in "${!modules[@]}"; do
    m=${modules[$i]}; rank[$m]=$i
    [ -f "build/$m.o" ] || { complain "build/$m.o is missing"; exit 1; }
    for s in $(for o in $(objects "$m"); do nm -g --defined-only "$o"; done \
               | awk '{print $3}' | sort -u); do
        owner[$s]=$m
        ok=0
        for p in ${PREFIXES[$m]:-${m}_}; do [[ $s == $p* ]] && ok=1; done
        [ $ok = 1 ] || complain "$m exports '$s', without the prefix ${PREFIXES[$m]:-${m}_}"
    done
done

# Edges: who uses whom.
declare -A used_by
users=("${modules[@]}" main course check_rnn speed measure)
for u in "${users[@]}"; do
    for s in $(for o in $(objects "$u"); do nm -u "$o"; done \
               | awk '{print $2}' | sort -u); do
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

# Function pointers in the headers belong to declared interfaces: a member
# of a structure that INTERFACES names (a typedef's name, or a struct's
# tag), or a parameter that it names as FUNCTION:PARAMETER.
for m in "${modules[@]}"; do
    grep -v '^#line' "build/$m.h" | awk -v interfaces=" ${INTERFACES:-} " \
        -v file="build/$m.h" '
      function named(x) { return index(interfaces, " " x " ") > 0 }
      { gsub(/\/\*([^*]|\*[^\/])*\*\//, "") }
      /^(typedef )?struct( [A-Za-z_]+)? *\{/ {
        depth = 1; tag = $0; sub(/^(typedef )?struct */, "", tag)
        sub(/ *\{.*/, "", tag); nptr = 0; next }
      depth && /^\}/ {
        name = $0; gsub(/[} ;]/, "", name); depth = 0
        for (i = 1; i <= nptr; i++)
          if (!named(name) && !named(tag))
            printf "%s: function pointer %s in %s, which INTERFACES does not name\n", file, ptr[i], name tag
        next }
      !depth && match($0, /^[^(]*[A-Za-z_][A-Za-z0-9_]*\(/) {
        fn = substr($0, 1, RLENGTH - 1); sub(/.*[^A-Za-z0-9_]/, "", fn) }
      {
        line = $0
        while (match(line, /\(\*[A-Za-z_]+\)/)) {
          p = substr(line, RSTART + 2, RLENGTH - 3)
          line = substr(line, RSTART + RLENGTH)
          if (depth) { ptr[++nptr] = p; continue }
          if (!named(fn ":" p))
            printf "%s: function pointer %s, a parameter of %s, which INTERFACES does not name\n", file, p, fn
        }
      }'
done > /tmp/layers.$$
while read -r line; do complain "$line"; done < /tmp/layers.$$
rm -f /tmp/layers.$$

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
