-- 002-plan.sql: the candidate's action plan.
--
-- One row per SMART action: what they will do, how they will know it
-- worked, by when (a date, YYYY-MM-DD), who or what will support them,
-- and the skill area it develops (an id of src/framework.c).  Ids come
-- from AUTOINCREMENT, so an id once used is never given to another
-- action, even after the newest one is removed.  An action is 'open'
-- until marked 'done', when done holds the time it was marked.  Times
-- are UTC, ISO 8601: 2026-11-26T10:37:00Z.
--
-- Progress over time needs no table of its own: each session's ratings
-- and the indicators its answers showed are already in ratings, answers
-- and found.

CREATE TABLE plan (
	id	INTEGER PRIMARY KEY AUTOINCREMENT,
	area	TEXT NOT NULL,
	action	TEXT NOT NULL CHECK (length(trim(action)) > 0),
	measure	TEXT NOT NULL DEFAULT '',
	due	TEXT NOT NULL
		CHECK (due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
		    AND date(due, '+0 days') IS due),
	support	TEXT NOT NULL DEFAULT '',
	status	TEXT NOT NULL DEFAULT 'open'
		CHECK (status IN ('open', 'done')),
	created	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	updated	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	done	TEXT,
	CHECK ((status = 'done') = (done IS NOT NULL))
);
CREATE INDEX plan_due ON plan (due, id);
