/*
 * test_err.c: the table of exit statuses and the error value: every
 * status in order with its meaning, setting, prefixing, moving, clearing
 * and printing an error, and running out of memory while formatting
 * one (a message and status 70).  Needs err.o alone: err is the bottom
 * layer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/resource.h>
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

/* Every status of enum err_status, in order. */
static const int err_all[] = {
	ERR_OK, ERR_OUTPUT, ERR_USAGE, ERR_PROMPTS, ERR_INPUT, ERR_DB,
	ERR_DB_NEWER, ERR_DB_DAMAGED, ERR_DB_READONLY, ERR_DB_LOCKED,
	ERR_NO_ACTION, ERR_DATE, ERR_ACTION, ERR_UNCONFIRMED, ERR_DISK_FULL,
	ERR_UNSAVED, ERR_LINES, ERR_INTERNAL
};

/* The table holds every status once, in order, each with a meaning. */
static void
test_table(void **state)
{
	size_t	i, n = sizeof err_all / sizeof err_all[0];

	(void)state;
	for (i = 0; err_table[i].meaning != NULL; i++) {
		assert_true(i < n);
		assert_int_equal(err_table[i].status, err_all[i]);
		assert_true(strlen(err_table[i].meaning) > 0);
		assert_true(strchr(err_table[i].meaning, '\n') == NULL);
	}
	assert_int_equal(i, n);
	assert_string_equal(err_table[0].meaning, "success");
	assert_int_equal(err_table[14].status, 14);
	assert_string_equal(err_table[14].meaning, "the disk is full");
	assert_int_equal(err_table[n - 1].status, 70);
}

/* Setting an error replaces what it held and fails the call. */
static void
test_set(void **state)
{
	struct err	e = { 0 };

	(void)state;
	assert_int_equal(err_set(&e, ERR_DATE, "no %d %s", 31, "February"),
	    -1);
	assert_int_equal(e.status, ERR_DATE);
	assert_string_equal(e.msg, "no 31 February");
	assert_int_equal(err_set(&e, ERR_USAGE, "again, %s", e.msg), -1);
	assert_int_equal(e.status, ERR_USAGE);
	assert_string_equal(e.msg, "again, no 31 February");
	err_clear(&e);
	assert_int_equal(e.status, ERR_OK);
	assert_null(e.msg);
	err_clear(&e);
}

/* Prefixes gather on the way up; a prefix of nothing is the message. */
static void
test_prefix(void **state)
{
	struct err	e = { 0 };

	(void)state;
	err_set(&e, ERR_DB_LOCKED, "the database is locked");
	assert_int_equal(err_prefix(&e, "plan %s", "add"), -1);
	assert_string_equal(e.msg, "plan add: the database is locked");
	err_prefix(&e, "%s", "dhcoach.db");
	assert_string_equal(e.msg, "dhcoach.db: plan add: the database is "
	    "locked");
	assert_int_equal(e.status, ERR_DB_LOCKED);
	err_clear(&e);
	err_prefix(&e, "alone");
	assert_string_equal(e.msg, "alone");
	err_clear(&e);
}

/* Moving hands the message over and leaves the source clear. */
static void
test_move(void **state)
{
	struct err	a = { 0 }, b = { 0 };

	(void)state;
	err_set(&a, ERR_INPUT, "first");
	err_set(&b, ERR_DB, "second");
	err_move(&a, &b);
	assert_int_equal(a.status, ERR_DB);
	assert_string_equal(a.msg, "second");
	assert_int_equal(b.status, ERR_OK);
	assert_null(b.msg);
	err_move(&a, &a);
	assert_string_equal(a.msg, "second");
	err_move(&a, &b);
	assert_int_equal(a.status, ERR_OK);
	assert_null(a.msg);
}

/* What err_print writes for e. */
static char *
printed(const struct err *e)
{
	char	*out = NULL;
	size_t	 len;
	FILE	*f;

	f = open_memstream(&out, &len);
	assert_non_null(f);
	err_print(f, e);
	fclose(f);
	return out;
}

/* Printing: the message once, nothing for success, else the meaning. */
static void
test_print(void **state)
{
	struct err	 e = { 0 };
	char		*s;

	(void)state;
	s = printed(&e);
	assert_string_equal(s, "");
	free(s);
	err_set(&e, ERR_DATE, "yesterday has passed: give a date from today "
	    "on");
	s = printed(&e);
	assert_string_equal(s, "dhcoach: yesterday has passed: give a date "
	    "from today on\n");
	free(s);
	err_clear(&e);
	e.status = ERR_DISK_FULL;
	s = printed(&e);
	assert_string_equal(s, "dhcoach: the disk is full\n");
	free(s);
}

/* Out of memory while formatting: "dhcoach: out of memory" and status 70. */
static void
test_out_of_memory(void **state)
{
	struct rlimit	 rl = { 64L << 20, 64L << 20 };
	struct err	 e = { 0 };
	const char	*preload;
	char		 buf[128];
	ssize_t		 n;
	pid_t		 pid;
	int		 fds[2], status;

	(void)state;
	/* Valgrind keeps its own memory within the limit: no test there. */
	if ((preload = getenv("LD_PRELOAD")) != NULL &&
	    strstr(preload, "vgpreload") != NULL)
		skip();
#ifdef __SANITIZE_ADDRESS__
	/* Nor AddressSanitizer, whose shadow memory needs far more. */
	skip();
#endif
	assert_int_equal(pipe(fds), 0);
	if ((pid = fork()) == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		setrlimit(RLIMIT_AS, &rl);
		err_set(&e, ERR_INPUT, "%*s", 256 << 20, "");
		_exit(0);
	}
	assert_true(pid > 0);
	close(fds[1]);
	n = read(fds[0], buf, sizeof buf - 1);
	close(fds[0]);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), ERR_INTERNAL);
	assert_string_equal(buf, "dhcoach: out of memory\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests_name("err", tests, NULL, NULL);
}
