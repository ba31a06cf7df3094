# An action whose fields hold commas, quotes, a line break and Markdown
# characters, for the export cases.  Sourced with $db set.
set -e
./dhcoach --db "$db" plan add \
    --action 'Write up the pilot: what worked, what did not, and "why" (*all* of it)' \
    --measure "$(printf 'Two pages, sent to the board;\nthe matron signs it off')" \
    --due 2027-01-15 --area learning-dissemination --support 'Priya, the ward'"'"'s matron'
