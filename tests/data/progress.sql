-- Three sessions of a candidate, for the progress and report end-to-end
-- cases (tests/e2e/*.setup): ratings, answers and the indicators each
-- showed, written as dhcoach would have kept them.  Loaded with the
-- sqlite3 program into a database dhcoach has already made.
BEGIN;
INSERT INTO sessions (id, started, ended, area) VALUES
	(1, '2026-09-10T09:00:00Z', '2026-09-10T09:40:00Z', 'integrity'),
	(2, '2026-10-15T18:00:00Z', '2026-10-15T18:30:00Z', 'insightfulness'),
	(3, '2026-11-20T12:00:00Z', '2026-11-20T12:50:00Z', NULL);

INSERT INTO ratings (session, area, rating, at) VALUES
	(1, 'strategic-vision', 2, '2026-09-10T09:01:00Z'),
	(1, 'integrity', 4, '2026-09-10T09:20:00Z'),
	(2, 'strategic-vision', 3, '2026-10-15T18:01:00Z'),
	(2, 'insightfulness', NULL, '2026-10-15T18:10:00Z'),
	(3, 'strategic-vision', 4, '2026-11-20T12:01:00Z'),
	(3, 'integrity', 5, '2026-11-20T12:20:00Z'),
	(3, 'growth-mindset', 1, '2026-11-20T12:30:00Z');

INSERT INTO answers (id, session, area, kind, prompt, answer, at) VALUES
	(1, 1, 'strategic-vision', 'prompt', 'Q1', 'For example, I linked the e-obs work to the trust strategy.', '2026-09-10T09:05:00Z'),
	(2, 1, 'integrity', 'prompt', 'Q2', 'I told the ward I had got the rota wrong.', '2026-09-10T09:25:00Z'),
	(3, 2, 'strategic-vision', 'prompt', 'Q3', 'I pulled incident and audit data together and linked it to the strategy.', '2026-10-15T18:05:00Z'),
	(4, 2, 'insightfulness', 'prompt', 'Q4', 'My 360 feedback showed I rarely delegate.', '2026-10-15T18:15:00Z'),
	(5, 3, 'strategic-vision', 'prompt', 'Q5', 'I described a ward with no paper, and we cut *late* observations from 18% to 6%.', '2026-11-20T12:05:00Z'),
	(6, 3, 'strategic-vision', 'probe', 'Q6', 'The board backed it.', '2026-11-20T12:10:00Z'),
	(7, 3, 'growth-mindset', 'prompt', 'Q7', 'I asked why, tried a pilot, and took the challenge from the night staff.', '2026-11-20T12:35:00Z');

INSERT INTO found (answer, indicator, quote) VALUES
	(1, 'sv.big-picture', 'I linked the e-obs work to the trust strategy'),
	(1, 'ev.example', 'For example'),
	(2, 'in.honesty', 'I told the ward I had got the rota wrong'),
	(3, 'sv.big-picture', 'linked it to the strategy'),
	(3, 'sv.analysis', 'I pulled incident and audit data together'),
	(3, 'ev.own-action', 'I pulled incident'),
	(4, 'is.self-appraisal', 'My 360 feedback showed I rarely delegate'),
	(5, 'sv.vision', 'I described a ward with no paper'),
	(5, 'ev.result', 'we cut *late* observations'),
	(5, 'ev.measure', 'from 18% to 6%'),
	(5, 'sv.big-picture', NULL),
	(6, 'sv.influence', 'The board backed it'),
	(7, 'gm.curiosity', 'I asked why'),
	(7, 'gm.experiment', 'tried a pilot'),
	(7, 'gm.challenge', 'took the challenge from the night staff');
COMMIT;
