-- tests/bench-plan-add.sql: the floor of "dhcoach plan add" with every
-- option: the same check for an action that says the same
-- (store_plan_find_same) and the insert, committed as the program
-- commits (WAL, synchronous=FULL).  Each run adds an action of its own.
PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
SELECT id, action FROM plan
WHERE area = 'innovation-change' AND id != 0;
INSERT INTO plan (area, action, measure, due, support)
SELECT 'innovation-change',
    'Floor action ' || (SELECT coalesce(max(id), 0) + 1 FROM plan),
    'rota gaps halve by March', '2027-01-31', 'my matron';
COMMIT;
