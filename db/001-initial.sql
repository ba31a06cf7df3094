-- 001-initial.sql: sessions, self-ratings, answers, the indicators found
-- in each answer, and a full-text index of the answers.
--
-- Migrations are applied in name order, each once, inside one
-- BEGIN IMMEDIATE transaction that also sets PRAGMA user_version to the
-- file's number (src/store.c); never edit a migration once released, add
-- the next number instead.  Area and indicator ids are those of
-- src/framework.c.  Times are UTC, ISO 8601: 2026-11-26T10:37:00Z.

-- One sitting with dhcoach; area is the skill area it was last in.
CREATE TABLE sessions (
	id	INTEGER PRIMARY KEY,
	started	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	ended	TEXT,
	area	TEXT
);

-- The candidate's self-rating of an area in a session: 1 to 5, or NULL
-- when they chose to skip it.
CREATE TABLE ratings (
	session	INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	area	TEXT NOT NULL,
	rating	INTEGER CHECK (rating BETWEEN 1 AND 5),
	at	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (session, area)
);

-- Every answer, to a main question of an area ('prompt') or to a
-- follow-up ('probe'), with the question's text as it was asked.
CREATE TABLE answers (
	id	INTEGER PRIMARY KEY,
	session	INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	area	TEXT NOT NULL,
	kind	TEXT NOT NULL CHECK (kind IN ('prompt', 'probe')),
	prompt	TEXT NOT NULL,
	answer	TEXT NOT NULL,
	at	TEXT NOT NULL
		DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX answers_session ON answers (session, id);
CREATE INDEX answers_area ON answers (area, kind);

-- The indicators an answer showed, with the words that showed each.
CREATE TABLE found (
	answer		INTEGER NOT NULL
			REFERENCES answers (id) ON DELETE CASCADE,
	indicator	TEXT NOT NULL,
	quote		TEXT,
	PRIMARY KEY (answer, indicator)
) WITHOUT ROWID;

-- Full-text search of the answers' text; external content, so the
-- triggers below keep it in step with the answers table.
CREATE VIRTUAL TABLE answers_fts USING fts5 (
	answer,
	content = 'answers',
	content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers BEGIN
	INSERT INTO answers_fts (rowid, answer) VALUES (new.id, new.answer);
END;

CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers BEGIN
	INSERT INTO answers_fts (answers_fts, rowid, answer)
	    VALUES ('delete', old.id, old.answer);
END;

CREATE TRIGGER answers_fts_update AFTER UPDATE ON answers BEGIN
	INSERT INTO answers_fts (answers_fts, rowid, answer)
	    VALUES ('delete', old.id, old.answer);
	INSERT INTO answers_fts (rowid, answer) VALUES (new.id, new.answer);
END;
