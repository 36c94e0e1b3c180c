# A noweb filter, between finduses and noidx (see the rule for build/rnn.tex
# in the Makefile): noweb's finduses marks every occurrence of an indexed
# identifier in code as a use, whatever the C around it. This filter drops
# the uses that are not uses: those inside comments, string literals and
# character constants, where "window" or "model" is an English word, and
# those right after '.' or '->', where the name is a member of a structure
# and not the global identifier that the index lists. Everything else passes
# unchanged. Usage: awk -f figures/code-uses.awk (noweb's pipeline format).
BEGIN { code = 0 }
/^@begin code / { code = 1; state = "c"; tail = ""; print; next }
/^@end code / { code = 0; print; next }
!code { print; next }
/^@nl$/ { if (state == "line") state = "c"; print; next }
/^@index use / {
    if (state == "c" && tail !~ /(\.|->)$/) print
    next
}
/^@text / { scan(substr($0, 7)); print; next }
/^@use / { state = "c"; tail = ""; print; next }
{ print }

# Follows the C lexical state through a piece of code: "c" (code), "block"
# and "line" (comments), "str" and "chr" (literals); tail keeps the last
# characters of code proper, spaces dropped.
function scan(s,    i, n, ch, nx) {
    n = length(s)
    for (i = 1; i <= n; i++) {
        ch = substr(s, i, 1); nx = substr(s, i + 1, 1)
        if (state == "c") {
            if (ch == "/" && nx == "*") { state = "block"; i++ }
            else if (ch == "/" && nx == "/") { state = "line"; i++ }
            else if (ch == "\"") state = "str"
            else if (ch == "'") state = "chr"
            else if (ch != " " && ch != "\t") tail = substr(tail ch, length(tail ch) - 1)
        } else if (state == "block") {
            if (ch == "*" && nx == "/") { state = "c"; i++ }
        } else if (state == "str" || state == "chr") {
            if (ch == "\\") i++
            else if ((state == "str" && ch == "\"") || (state == "chr" && ch == "'"))
                state = "c"
        }
    }
}
