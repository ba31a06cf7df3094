-- tests/bench-plan-list.sql: the floor of "dhcoach plan list": the
-- program's own query (store_plan_each) in the sqlite3 shell.
SELECT id, area, action, measure, due, support, status, created, updated,
    done
FROM plan
ORDER BY due, id;
