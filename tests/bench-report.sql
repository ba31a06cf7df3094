-- tests/bench-report.sql: the floor of "dhcoach report": the running
-- picture (store_picture) and the plan, as set-based queries.
-- Each area's latest rating.
SELECT area, rating, max(session) FROM ratings
WHERE rating IS NOT NULL GROUP BY area;
-- Each area's answers and the newest of them.
SELECT a.area, a.n, b.at FROM (SELECT area, count(*) AS n, max(id) AS last
    FROM answers GROUP BY area) a JOIN answers b ON b.id = a.last;
SELECT DISTINCT area FROM finished;
-- The newest answers that showed each indicator, with their quotes.
SELECT s.area, s.indicator, f.quote, a.session, a.at FROM shown s
JOIN found f ON f.answer = s.answer AND f.indicator = s.indicator
JOIN answers a ON a.id = s.answer
ORDER BY s.area, s.indicator, s.answer DESC;
-- The candidate's claims.
SELECT a.area, c.indicator, c.answer, a.answer FROM covered c
JOIN answers a ON a.id = c.answer
ORDER BY c.at DESC, c.answer DESC;
-- The questions asked in each area.
SELECT DISTINCT area, prompt FROM answers;
-- The sittings, the profile and the plan.
SELECT count(*), min(started), max(started) FROM sessions s
WHERE EXISTS (SELECT 1 FROM answers WHERE session = s.id)
OR EXISTS (SELECT 1 FROM ratings WHERE session = s.id);
SELECT name, role FROM profile;
SELECT id, area, action, measure, due, support, status, created, updated,
    done
FROM plan ORDER BY due, id;
