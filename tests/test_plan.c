/*
 * test_plan.c: the plan's rules: clearing and copying an action, the
 * check before storing (each failure with its status), overdue, status,
 * and when two actions say the same.  Dates, rendering and the guided
 * questions have their own tests.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "plan.h"
#include "util.h"

/* An action (strings borrowed). */
static struct plan_action
action_of(const char *area, const char *text, const char *due)
{
	struct plan_action	a;

	memset(&a, 0, sizeof a);
	a.area = (char *)area;
	a.action = (char *)text;
	a.measure = (char *)"Two audits a month";
	a.due = (char *)due;
	a.support = (char *)"my mentor";
	return a;
}

/* Copying gives new strings equal to the old; clearing zeroes. */
static void
test_copy_clear(void **state)
{
	struct plan_action	a, b;

	(void)state;
	a = action_of("integrity", "Tell the team", "2027-01-31");
	a.id = 7;
	a.done = 1;
	a.created = (char *)"2026-11-26T12:00:00Z";
	a.done_at = (char *)"2026-12-01T09:00:00Z";
	memset(&b, 0xff, sizeof b);
	plan_action_copy(&b, &a);
	assert_int_equal(b.id, 7);
	assert_int_equal(b.done, 1);
	assert_string_equal(b.area, "integrity");
	assert_ptr_not_equal(b.area, a.area);
	assert_string_equal(b.action, "Tell the team");
	assert_string_equal(b.measure, "Two audits a month");
	assert_string_equal(b.due, "2027-01-31");
	assert_string_equal(b.support, "my mentor");
	assert_string_equal(b.created, "2026-11-26T12:00:00Z");
	assert_null(b.updated);
	assert_string_equal(b.done_at, "2026-12-01T09:00:00Z");
	plan_action_clear(&b);
	assert_int_equal(b.id, 0);
	assert_null(b.action);
	assert_null(b.done_at);
	plan_action_clear(&b);	/* twice is harmless */
}

/* Check a, wanting status (ERR_OK: passes) and, if given, the message. */
static void
check_is(const struct plan_action *a, int status, const char *msg)
{
	struct err	e = { 0, NULL };

	assert_int_equal(plan_check(a, &e), status == ERR_OK ? 0 : -1);
	assert_int_equal(e.status, status);
	if (msg != NULL)
		assert_string_equal(e.msg, msg);
	err_clear(&e);
}

/* The check: texts, the due date, the area, each with its status. */
static void
test_check(void **state)
{
	struct plan_action	a;
	char			*longtext;

	(void)state;
	a = action_of("integrity", "Tell the team", "2027-01-31");
	check_is(&a, ERR_OK, NULL);
	a.measure = NULL;
	a.support = NULL;
	check_is(&a, ERR_OK, NULL);	/* not given yet: "" */

	a.action = (char *)" \t\n";
	check_is(&a, ERR_ACTION, "the action is empty: write it and try "
	    "again");
	a.action = NULL;
	check_is(&a, ERR_ACTION, NULL);
	a.action = (char *)"Bad \033[31m colour";
	check_is(&a, ERR_ACTION, NULL);
	a.action = (char *)"caf\xe9";
	check_is(&a, ERR_ACTION, NULL);
	longtext = xmalloc(PLAN_MAX_TEXT + 2);
	memset(longtext, 'a', PLAN_MAX_TEXT + 1);
	longtext[PLAN_MAX_TEXT + 1] = '\0';
	a.action = longtext;
	check_is(&a, ERR_ACTION, NULL);
	longtext[PLAN_MAX_TEXT] = '\0';
	check_is(&a, ERR_OK, NULL);	/* exactly the most */
	a.action = (char *)"Tell the team\n\tand the board";
	check_is(&a, ERR_OK, NULL);

	a.measure = longtext;
	longtext[PLAN_MAX_TEXT] = 'a';
	check_is(&a, ERR_ACTION, NULL);
	a.measure = (char *)"   ";	/* blank is allowed: not given */
	check_is(&a, ERR_OK, NULL);
	a.support = (char *)"Sam\x01";
	check_is(&a, ERR_ACTION, NULL);
	a.support = (char *)"Sam";
	free(longtext);

	a.due = (char *)"2027-02-30";
	check_is(&a, ERR_DATE, "the due date '2027-02-30' is not a date: give "
	    "one as YYYY-MM-DD, for example 2027-03-31");
	a.due = (char *)"31/03/2027";
	check_is(&a, ERR_DATE, NULL);
	a.due = NULL;
	check_is(&a, ERR_DATE, "the due date '' is not a date: give one as "
	    "YYYY-MM-DD, for example 2027-03-31");
	a.due = (char *)"2028-02-29";
	check_is(&a, ERR_OK, NULL);

	a.area = (char *)"integ";	/* a start is the parser's, not here */
	check_is(&a, ERR_USAGE, "there is no area 'integ': use one of the ten "
	    "areas, by name or number (see 'dhcoach --help')");
	a.area = NULL;
	check_is(&a, ERR_USAGE, NULL);
}

/* Overdue: open, and due before today; status words. */
static void
test_overdue_status(void **state)
{
	struct plan_action	a;

	(void)state;
	a = action_of("integrity", "Tell the team", "2026-11-25");
	assert_true(plan_overdue(&a, "2026-11-26"));
	assert_false(plan_overdue(&a, "2026-11-25"));	/* due today */
	assert_false(plan_overdue(&a, "2026-01-01"));
	assert_string_equal(plan_status(&a), "open");
	a.done = 1;
	assert_false(plan_overdue(&a, "2026-11-26"));
	assert_string_equal(plan_status(&a), "done");
	a.done = 0;
	a.due = (char *)"soon";
	assert_false(plan_overdue(&a, "2026-11-26"));
	a.due = NULL;
	assert_false(plan_overdue(&a, "2026-11-26"));
}

/* The same action: same area, same words whatever the case and spacing. */
static void
test_same(void **state)
{
	static const struct {
		const char	*x, *y;
		int		 same;
	} cases[] = {
		{ "Tell the team", "Tell the team", 1 },
		{ "Tell the team", "  tell THE\t\tteam\n", 1 },
		{ "Tell the team", "Tell theteam", 0 },
		{ "Tell the team", "Tell the team.", 0 },
		{ "Tell the team", "Tell the teams", 0 },
		{ "Tell the team", "Tell the tea", 0 },
		{ "", "   ", 1 },
		{ "Caf\xc3\xa9 rota", "CAF\xc3\xa9 ROTA", 1 },
		{ "Caf\xc3\xa9", "Caf\xc3\x89", 0 },	/* only ASCII folded */
	};
	struct plan_action	a, b;
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		a = action_of("integrity", cases[i].x, "2027-01-31");
		b = action_of("integrity", cases[i].y, "2028-01-31");
		if (plan_same(&a, &b) != cases[i].same ||
		    plan_same(&b, &a) != cases[i].same)
			fail_msg("'%s' and '%s'", cases[i].x, cases[i].y);
	}
	a = action_of("integrity", "Tell the team", "2027-01-31");
	b = action_of("insightfulness", "Tell the team", "2027-01-31");
	assert_false(plan_same(&a, &b));
	b.area = NULL;
	assert_false(plan_same(&a, &b));
	b = action_of("integrity", NULL, "2027-01-31");
	assert_false(plan_same(&a, &b));
}

/* Run the tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_copy_clear),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_overdue_status),
		cmocka_unit_test(test_same),
	};

	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
