# Four actions for the plan's end-to-end cases, as a candidate might have
# written them over the autumn (today is 2026-11-26): one overdue, one
# done.  Sourced by tests/e2e/*.setup with $db set.
set -e
DHCOACH_TODAY=2026-10-01 ./dhcoach --db "$db" plan add \
    --action "Tell the ward team about the rota mistake, and what I changed" \
    --due 2026-11-01 --area integrity
./dhcoach --db "$db" plan add \
    --action "Present the e-obs audit results to the nursing board, and ask for two more wards" \
    --measure "The board agrees to fund two wards" --due 2027-03-31 \
    --area communication-influence \
    --support "My mentor, Sam, who has presented there"
./dhcoach --db "$db" plan add \
    --action "Ask three peers for written feedback on how I chair meetings" \
    --measure "Three replies, and one change I make because of them" \
    --due "end of January" --area insightfulness \
    --support "The leadership course's 360 tool"
./dhcoach --db "$db" plan add \
    --action "Run a pilot of the new handover screen on ward 7" \
    --due "in 2 weeks" --area innovation-change
./dhcoach --db "$db" plan done 4
