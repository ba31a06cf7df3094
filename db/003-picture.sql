-- 003-picture.sql: what the running picture needs: the kind of each
-- sitting, the areas summed up, the candidate's own "covered" claims,
-- the newest evidence per area and indicator (kept as answers arrive,
-- so that the picture is read in the same time however many answers
-- there are), the candidate's name and role for the mentor's report,
-- and the draft of an action being written.
--
-- Area and indicator ids are those of src/framework.c.  Times are UTC,
-- ISO 8601: 2026-11-26T10:37:00Z.

-- A sitting is a conversation or the self-report questionnaire.
ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'conversation'
	CHECK (kind IN ('conversation', 'questionnaire'));

-- An area summed up in a sitting: it counts as finished from then on.
CREATE TABLE finished (
	session	INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	area	TEXT NOT NULL,
	at	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (session, area)
) WITHOUT ROWID;

-- The candidate's word that an answer covers an indicator the coach did
-- not find in it (/covered).  Counted apart from what the coach found,
-- never as shown; these rows are exactly where the matching was wrong.
CREATE TABLE covered (
	answer		INTEGER NOT NULL
			REFERENCES answers (id) ON DELETE CASCADE,
	indicator	TEXT NOT NULL,
	at		TEXT NOT NULL
			DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (answer, indicator)
) WITHOUT ROWID;

-- The newest three answers that showed each indicator in each area:
-- the picture's quotes, kept by the trigger below.
CREATE TABLE shown (
	area		TEXT NOT NULL,
	indicator	TEXT NOT NULL,
	answer		INTEGER NOT NULL
			REFERENCES answers (id) ON DELETE CASCADE,
	PRIMARY KEY (area, indicator, answer)
) WITHOUT ROWID;

INSERT INTO shown (area, indicator, answer)
	SELECT area, indicator, answer FROM (
		SELECT a.area AS area, f.indicator AS indicator,
		    f.answer AS answer, row_number() OVER (
			PARTITION BY a.area, f.indicator
			ORDER BY f.answer DESC) AS n
		FROM found f JOIN answers a ON a.id = f.answer)
	WHERE n <= 3;

CREATE TRIGGER found_shown AFTER INSERT ON found BEGIN
	INSERT OR IGNORE INTO shown (area, indicator, answer)
	    SELECT area, new.indicator, new.answer FROM answers
	    WHERE id = new.answer;
	DELETE FROM shown
	    WHERE area = (SELECT area FROM answers WHERE id = new.answer)
	    AND indicator = new.indicator
	    AND answer NOT IN (SELECT answer FROM shown
		WHERE area = (SELECT area FROM answers WHERE id = new.answer)
		AND indicator = new.indicator
		ORDER BY answer DESC LIMIT 3);
END;

-- The questions answered in each area, read without the answers' text.
CREATE INDEX answers_area_prompt ON answers (area, prompt);

-- The candidate's name and role for the mentor's report: one row, made
-- when they are first asked (asked holds when; both may stay empty).
CREATE TABLE profile (
	id	INTEGER PRIMARY KEY CHECK (id = 1),
	name	TEXT NOT NULL DEFAULT '',
	role	TEXT NOT NULL DEFAULT '',
	asked	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- One action half-written in the guided questions (Ctrl-D, Ctrl-C or
-- /cancel part-way), which /plan offers to carry on with.  Fields not
-- given yet are empty (area and due NULL).
CREATE TABLE plan_draft (
	id	INTEGER PRIMARY KEY CHECK (id = 1),
	area	TEXT,
	action	TEXT NOT NULL DEFAULT '',
	measure	TEXT NOT NULL DEFAULT '',
	due	TEXT,
	support	TEXT NOT NULL DEFAULT '',
	updated	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
