-- tests/bench-progress.sql: the floor of "dhcoach progress": the
-- program's own queries (store_progress) in the sqlite3 shell, each
-- sitting's answers with the indicators found in them, and its ratings.
-- Progress prints a short summary, not these rows, so the shell sums
-- their columns instead of printing them: SQLite still reads every row.
SELECT count(*), sum(length(started)), count(area), sum(answer),
    count(indicator)
FROM (SELECT s.id, s.started, a.area, a.id AS answer, f.indicator
    FROM sessions s
    LEFT JOIN answers a ON a.session = s.id
    LEFT JOIN found f ON f.answer = a.id
    ORDER BY s.id, a.id);
SELECT count(*), sum(rating) FROM (SELECT session, area, rating
    FROM ratings ORDER BY session);
