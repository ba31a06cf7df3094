-- tests/bench-history-all.sql: the floor of "dhcoach history" (every
-- answer, newest first): the program's query (store_history) with the
-- indicators found and claimed in each answer read beside it.
SELECT id, session, area, kind, prompt, answer, at,
    (SELECT group_concat(indicator) FROM found WHERE answer = a.id),
    (SELECT group_concat(indicator) FROM covered WHERE answer = a.id)
FROM answers a
ORDER BY id DESC;
