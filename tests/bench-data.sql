-- tests/bench-data.sql: fill an empty dhcoach database with @N@ actions
-- and @N@ answers, for make bench (tests/bench replaces @N@ first).
--
-- The database is made by dhcoach itself, so that its schema, version
-- and application_id are the program's own; this only adds rows, in one
-- transaction, with recursive CTEs.  What it makes, for N:
--   sittings   N/20 conversations, an hour apart, 20 answers each,
--              visiting about 7 of the 10 areas;
--   answers    N, a third to main prompts and the rest to probes, each
--              three sentences from a pool of 50 (one mentions a pilot,
--              so about 6% match "pilot") and a ward number;
--   found      about 6 per answer: own-area and ev.* indicators, each
--              with the sentence that showed it as its quote;
--   ratings    one per sitting and area visited (1 in 11 skipped);
--   finished   a third of the (sitting, area) pairs;
--   covered    of every 97th answer, a claim for an own-area indicator
--              the coach did not find, where there is one;
--   shown      kept by the found_shown trigger, as the program's
--              inserts would keep it;
--   plan       N actions over the 10 areas, due over two years, a
--              quarter done;
--   profile    a name and role, so the conversation does not ask.

.bail on
PRAGMA synchronous = OFF;
PRAGMA cache_size = -65536;
BEGIN;

CREATE TEMP TABLE bench_area (n INTEGER PRIMARY KEY, id TEXT);
INSERT INTO bench_area VALUES
	(0, 'strategic-vision'), (1, 'learning-dissemination'),
	(2, 'innovation-change'), (3, 'outcomes-orientated'),
	(4, 'communication-influence'), (5, 'culture-development'),
	(6, 'team-development'), (7, 'growth-mindset'), (8, 'integrity'),
	(9, 'insightfulness');

-- Indicators by area (10: the ev.* ones, found in any area).
CREATE TEMP TABLE bench_indicator (id TEXT PRIMARY KEY, area INTEGER,
	k INTEGER);
INSERT INTO bench_indicator VALUES
	('sv.big-picture', 0, 0), ('sv.analysis', 0, 1), ('sv.vision', 0, 2),
	('sv.influence', 0, 3), ('ld.needs', 1, 0), ('ld.solutions', 1, 1),
	('ld.levels', 1, 2), ('ld.maturity', 1, 3), ('ic.ideas', 2, 0),
	('ic.experiment', 2, 1), ('ic.support', 2, 2),
	('oo.user-centred', 3, 0), ('oo.outcomes', 3, 1),
	('oo.evidence', 3, 2), ('oo.improvement', 3, 3),
	('ci.narrative', 4, 0), ('ci.value', 4, 1), ('ci.rationale', 4, 2),
	('ci.two-way', 4, 3), ('cd.openness', 5, 0),
	('cd.recognition', 5, 1), ('cd.readiness', 5, 2),
	('cd.shared-values', 5, 3), ('cd.expectations', 5, 4),
	('td.mdt', 6, 0), ('td.resourcing', 6, 1),
	('td.develop-leaders', 6, 2), ('gm.curiosity', 7, 0),
	('gm.experiment', 7, 1), ('gm.challenge', 7, 2),
	('gm.perseverance', 7, 3), ('in.accountability', 8, 0),
	('in.follow-through', 8, 1), ('in.honesty', 8, 2),
	('is.self-appraisal', 9, 0), ('is.adaptation', 9, 1),
	('is.style-impact', 9, 2), ('is.action-plan', 9, 3),
	('ev.example', 10, 0), ('ev.own-action', 10, 1),
	('ev.result', 10, 2), ('ev.measure', 10, 3),
	('ev.learning', 10, 4);

-- The pool of sentences answers are made of; only 0 says "pilot".
CREATE TEMP TABLE bench_sentence (n INTEGER PRIMARY KEY, s TEXT);
WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 49)
INSERT INTO bench_sentence
SELECT n, CASE n
	WHEN 0 THEN 'I ran a two-week pilot of electronic observations on one '
	    || 'ward before we rolled it out.'
	ELSE 'In ' || (2015 + n % 9) || ' I ' || CASE n % 7
	    WHEN 0 THEN 'led a project to move the clinic letters from '
		|| 'dictation to structured templates'
	    WHEN 1 THEN 'asked the nurses on the night shift what slowed '
		|| 'them down and changed the handover screen'
	    WHEN 2 THEN 'presented the case for the new rostering system '
		|| 'to the executive board, who agreed to fund it'
	    WHEN 3 THEN 'set up a group of digital champions and trained '
		|| 'them to support every shift'
	    WHEN 4 THEN 'measured how long discharge summaries took and '
		|| 'cut the delay from four days to one'
	    WHEN 5 THEN 'learned that I should have involved the '
		|| 'pharmacists sooner, and now I do'
	    ELSE 'owned up to a mistake in the data migration and '
		|| 'told the team what I would do differently'
	    END || ' (number ' || n || ').'
	END
FROM k;

-- The sittings, each in the area of its last answer.
WITH RECURSIVE k(s) AS (SELECT 1 UNION ALL SELECT s + 1 FROM k
	WHERE s < (@N@ + 19) / 20)
INSERT INTO sessions (id, started, ended, area, kind)
SELECT s,
    strftime('%Y-%m-%dT%H:%M:%SZ', '2020-01-01 09:00:00',
	'+' || s || ' hours'),
    strftime('%Y-%m-%dT%H:%M:%SZ', '2020-01-01 09:30:00',
	'+' || s || ' hours'),
    (SELECT id FROM bench_area
	WHERE n = ((min(20 * s, @N@) - 1) / 3 + s) % 10),
    'conversation'
FROM k;

-- Answers: 20 to a sitting, three of a sitting's answers to an area.
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k
	WHERE i < @N@),
x(i, s) AS (SELECT i, (i - 1) / 20 + 1 FROM k)
INSERT INTO answers (id, session, area, kind, prompt, answer, at)
SELECT x.i, x.s, a.id,
    CASE WHEN (x.i - 1) % 3 = 0 THEN 'prompt' ELSE 'probe' END,
    CASE WHEN (x.i - 1) % 3 = 0 THEN 'Tell me about a time you worked on '
	|| a.id || ' (question ' || (x.i % 7) || ').'
	ELSE 'What did you do yourself, and what changed (follow-up '
	|| (x.i % 11) || ')?' END,
    s1.s || ' ' || s2.s || ' ' || s3.s || ' That was on ward '
	|| (x.i % 97) || '.',
    strftime('%Y-%m-%dT%H:%M:%SZ', '2020-01-01 09:00:00',
	'+' || x.s || ' hours', '+' || ((x.i - 1) % 20) || ' minutes')
FROM x
JOIN bench_area a ON a.n = ((x.i - 1) / 3 + x.s) % 10
JOIN bench_sentence s1 ON s1.n = (x.i * 7) % 50
JOIN bench_sentence s2 ON s2.n = (x.i * 13 + 5) % 50
JOIN bench_sentence s3 ON s3.n = (x.i * 31 + 11) % 50
ORDER BY x.i;

-- About six indicators an answer: own area and ev.*, 65% of them.
INSERT INTO found (answer, indicator, quote)
SELECT a.id, i.id, s.s
FROM answers a
JOIN bench_area ar ON ar.id = a.area
JOIN bench_indicator i ON i.area IN (ar.n, 10)
JOIN bench_sentence s ON s.n = (a.id * 7) % 50
WHERE (a.id * 2654435761 + i.k * 40503 + i.area * 977) % 100 < 65
ORDER BY a.id, i.id;

-- A rating for each area a sitting visited; some skipped.
INSERT INTO ratings (session, area, rating, at)
SELECT a.session, a.area,
    CASE WHEN (a.session + ar.n) % 11 = 0 THEN NULL
	ELSE 1 + (a.session + ar.n) % 5 END,
    min(a.at)
FROM answers a JOIN bench_area ar ON ar.id = a.area
GROUP BY a.session, a.area;

INSERT INTO finished (session, area, at)
SELECT session, area, at FROM ratings
WHERE (session + length(area)) % 3 = 0;

-- A claim for an own-area indicator the coach did not find.
INSERT INTO covered (answer, indicator, at)
SELECT a.id, i.id, a.at
FROM answers a
JOIN bench_area ar ON ar.id = a.area
JOIN bench_indicator i ON i.area = ar.n AND i.k = a.id % 3
WHERE a.id % 97 = 0
AND NOT EXISTS (SELECT 1 FROM found f
	WHERE f.answer = a.id AND f.indicator = i.id);

-- The action plan.
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k
	WHERE i < @N@)
INSERT INTO plan (id, area, action, measure, due, support, status,
    created, updated, done)
SELECT k.i, a.id,
    'Action ' || k.i || ': ' || CASE k.i % 5
	WHEN 0 THEN 'run a pilot of e-rostering on ward ' || (k.i % 97)
	WHEN 1 THEN 'present the discharge audit to the divisional board'
	WHEN 2 THEN 'shadow the chief clinical information officer for a day'
	WHEN 3 THEN 'ask six colleagues for feedback on my last business case'
	ELSE 'set up monthly digital champions meetings on every ward'
	END,
    'I can show the result to my mentor',
    date('2025-01-01', '+' || ((k.i * 37) % 730) || ' days'),
    CASE WHEN k.i % 3 = 0 THEN 'my line manager' ELSE '' END,
    CASE WHEN k.i % 4 = 0 THEN 'done' ELSE 'open' END,
    '2024-06-01T10:00:00Z', '2024-06-01T10:00:00Z',
    CASE WHEN k.i % 4 = 0 THEN '2024-09-01T10:00:00Z' END
FROM k JOIN bench_area a ON a.n = k.i % 10
ORDER BY k.i;

INSERT INTO profile (id, name, role, asked)
VALUES (1, 'Sam Patel', 'ward sister', '2020-01-01T09:00:00Z');

COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
