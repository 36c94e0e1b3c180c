# The names of LaTeX macros made from the names of runs, for
# figures/results-tex.sh and figures/starts-tex.sh: spell(s) drops the
# dashes, capitalises each part and spells its numbers (10m: Tenm,
# c-lstm-f1: CLstmFone), since a macro's name holds letters only.
function number(d,   words, i, out) {
    if (d == 1) return "one"
    if (d == 5) return "five"
    if (d == 10) return "ten"
    if (d == 60) return "sixty"
    split("zero one two three four five six seven eight nine", words, " ")
    for (i = 1; i <= length(d); i++)
        out = out words[substr(d, i, 1) + 1]
    return out
}
function spell(s,   out, n, parts, i, w) {
    n = split(s, parts, "-")
    for (i = 1; i <= n; i++) {
        w = parts[i]
        while (match(w, /[0-9]+/))
            w = substr(w, 1, RSTART - 1) number(substr(w, RSTART, RLENGTH)) \
                substr(w, RSTART + RLENGTH)
        gsub(/[^A-Za-z]/, "", w)
        out = out toupper(substr(w, 1, 1)) substr(w, 2)
    }
    return out
}
