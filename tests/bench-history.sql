-- tests/bench-history.sql: the floor of "dhcoach history --search
-- pilot": the program's FTS5 query (store_history), newest first, with
-- the indicators found and claimed in each answer read beside it.
SELECT id, session, area, kind, prompt, answer, at,
    (SELECT group_concat(indicator) FROM found WHERE answer = a.id),
    (SELECT group_concat(indicator) FROM covered WHERE answer = a.id)
FROM answers a
WHERE id IN (SELECT rowid FROM answers_fts
    WHERE answers_fts MATCH '"pilot"')
ORDER BY id DESC;
