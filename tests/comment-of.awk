# Exits 0 if the declaration of the name s in a C header is preceded by a
# comment that mentions the tests: the comment block just above the group
# of declarations that holds it. Usage: awk -v s=NAME -f comment-of.awk H
function is_decl_of(line) { return line ~ ("(^|[^A-Za-z_0-9])" s "([^A-Za-z_0-9]|$)") }
{
    line = $0
    if (incomment || line ~ /^[ \t]*\/\*/) {
        if (last == "decl") comment = ""
        comment = comment " " line
        incomment = !(line ~ /\*\//)
        last = "comment"
        next
    }
    if (line ~ /^[ \t]*$/) { comment = ""; last = "blank"; next }
    last = "decl"
    if (is_decl_of(line)) { found = 1; exit }
}
END { exit !(found && tolower(comment) ~ /tests/) }
