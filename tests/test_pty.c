/*
 * test_pty.c: the conversation in a real pseudo-terminal, as a person
 * meets it: one full area, Tab completion, Ctrl-C on a half-typed line,
 * Ctrl-D, a pasted multi-line answer, and SIGKILL in the middle of a
 * session; afterwards the answers are looked for in the database.
 *
 * The environment is pinned: TERM, INPUTRC (bracketed paste off, except
 * in the paste test), LANG=C.UTF-8, NO_COLOR, HOME and the XDG folders in
 * a temporary folder, and an 100x40 window.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* How long to wait for expected output before failing. */
#define PTY_TIMEOUT_MS	10000

struct pty {
	char	*dir;	/* temporary HOME */
	char	*db;
	pid_t	 pid;
	int	 fd;
	struct buf out;	/* everything read so far */
	size_t	 mark;	/* where the next expect starts looking */
	const char *const *cmd;	/* when set: the command after --db DB */
};

static int
setup(void **state)
{
	struct pty	*t;

	t = xcalloc(1, sizeof *t);
	t->dir = xstrdup("/tmp/dhcoach-pty-XXXXXX");
	if (mkdtemp(t->dir) == NULL)
		fatal("mkdtemp");
	t->db = xasprintf("%s/answers.db", t->dir);
	t->pid = -1;
	*state = t;
	return 0;
}

static int
teardown(void **state)
{
	struct pty	*t = *state;
	char		*cmd;

	if (t->pid > 0) {
		kill(t->pid, SIGKILL);
		waitpid(t->pid, NULL, 0);
	}
	if (t->fd > 0)
		close(t->fd);
	cmd = xasprintf("rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		fatalx("cannot remove %s", t->dir);
	free(cmd);
	buf_free(&t->out);
	free(t->db);
	free(t->dir);
	free(t);
	return 0;
}

/* Start dhcoach on a new pty with the pinned environment. */
static void
start(struct pty *t, const char *inputrc, const char *extra_arg)
{
	struct winsize	 ws = { .ws_row = 40, .ws_col = 100 };
	char		*state, *data, *rc, *editor;

	editor = xasprintf("%s/tests/data/fake-editor", getenv("PWD"));
	state = xasprintf("%s/state", t->dir);
	data = xasprintf("%s/data", t->dir);
	rc = xasprintf("%s/tests/data/%s", getenv("PWD"), inputrc);
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid == -1)
		fatal("forkpty");
	if (t->pid == 0) {
		setenv("TERM", "xterm", 1);
		setenv("INPUTRC", rc, 1);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		setenv("NO_COLOR", "1", 1);
		setenv("HOME", t->dir, 1);
		setenv("XDG_STATE_HOME", state, 1);
		setenv("XDG_DATA_HOME", data, 1);
		unsetenv("DHCOACH_DB");
		unsetenv("VISUAL");
		setenv("EDITOR", editor, 1);
		if (t->cmd != NULL) {
			char	*argv[16];
			int	 i, n = 0;

			argv[n++] = (char *)"dhcoach";
			argv[n++] = (char *)"--db";
			argv[n++] = t->db;
			for (i = 0; t->cmd[i] != NULL && n < 15; i++)
				argv[n++] = (char *)t->cmd[i];
			argv[n] = NULL;
			execv("./dhcoach", argv);
		} else if (extra_arg != NULL)
			execl("./dhcoach", "dhcoach", "--db", t->db, extra_arg,
			    (char *)NULL);
		else
			execl("./dhcoach", "dhcoach", "--db", t->db,
			    (char *)NULL);
		_exit(127);
	}
	free(state);
	free(data);
	free(rc);
	free(editor);
}

/* Read whatever is there within ms milliseconds; 0 at EOF. */
static int
pump(struct pty *t, int ms)
{
	struct pollfd	pfd = { .fd = t->fd, .events = POLLIN };
	char		chunk[4096];
	ssize_t		n;

	if (poll(&pfd, 1, ms) <= 0)
		return 1;
	n = read(t->fd, chunk, sizeof chunk);
	if (n <= 0)
		return 0;	/* EIO once the child has gone */
	buf_add(&t->out, chunk, (size_t)n);
	return 1;
}

/* Wait until text appears after the mark; move the mark past it. */
static void
expect(struct pty *t, const char *text)
{
	struct timespec	 t0, now;
	char		*at;
	long		 ms;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (t->out.data != NULL &&
		    (at = strstr(t->out.data + t->mark, text)) != NULL) {
			t->mark = at - t->out.data + strlen(text);
			return;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (now.tv_sec - t0.tv_sec) * 1000 +
		    (now.tv_nsec - t0.tv_nsec) / 1000000;
		if (ms > PTY_TIMEOUT_MS || !pump(t, 100))
			fail_msg("waited for \"%s\"; the screen said:\n%s", text,
			    t->out.data != NULL ? t->out.data + t->mark : "");
	}
}

/* Type text as keystrokes. */
static void
type(struct pty *t, const char *text)
{
	size_t	len = strlen(text);

	if (write(t->fd, text, len) != (ssize_t)len)
		fatal("write to pty");
}

/* Wait for the child to leave; returns its exit status. */
static int
finish(struct pty *t)
{
	struct timespec	t0, now;
	int		status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (waitpid(t->pid, &status, WNOHANG) == t->pid)
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - t0.tv_sec > PTY_TIMEOUT_MS / 1000)
			fail_msg("dhcoach did not leave; the screen said:\n%s",
			    t->out.data != NULL ? t->out.data + t->mark : "");
		if (!pump(t, 100))
			usleep(10000);
	}
	t->pid = -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The database's history as JSON, through the program itself. */
static char *
history_json(struct pty *t)
{
	char	*cmd, *out = NULL;
	size_t	 len;
	FILE	*p;

	cmd = xasprintf("./dhcoach --db '%s' history --format json", t->db);
	if ((p = popen(cmd, "r")) == NULL)
		fatal("popen");
	if (util_read_stream(p, 1 << 20, &out, &len) != 0)
		fatal("read");
	assert_int_equal(pclose(p), 0);
	free(cmd);
	return out;
}

/* One whole area: rating, answer, probes, summing-up; then Ctrl-D. */
static void
test_full_area(void **state)
{
	struct pty	*t = *state;
	char		*json;

	start(t, "inputrc", NULL);
	expect(t, "/help");
	expect(t, "[1/10]");
	expect(t, "How would you rate yourself here?");
	expect(t, "> ");
	type(t, "3\r");
	expect(t, "> ");
	type(t, "Last year I linked our e-observations rollout to the trust's "
	    "digital strategy and presented it to the board.\r");
	expect(t, "Still missing:");
	expect(t, "> ");
	type(t, "I pulled together incident data and ward audits and spotted "
	    "a pattern of late observations.\r");
	expect(t, "> ");
	type(t, "I described a future where every ward sees deterioration "
	    "early.\r");
	expect(t, "shown.");
	expect(t, "[2/10]");
	expect(t, "> ");
	type(t, "\004");
	expect(t, "Your summary");
	assert_int_equal(finish(t), 0);

	json = history_json(t);
	assert_non_null(strstr(json, "e-observations rollout"));
	assert_non_null(strstr(json, "pattern of late observations"));
	assert_non_null(strstr(json, "every ward sees deterioration"));
	assert_non_null(strstr(json, "\"area\":\"strategic-vision\""));
	free(json);
}

/* The history file: 0600, commands only. */
static void
history_file_holds_commands(struct pty *t)
{
	struct stat	 st;
	char		*path, *text;
	size_t		 len;
	FILE		*f;

	path = xasprintf("%s/state/dhcoach/history", t->dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(util_read_stream(f, 1 << 20, &text, &len), 0);
	fclose(f);
	assert_non_null(strstr(text, "/areas\n"));
	assert_non_null(strstr(text, "/goto integrity"));
	free(text);
	free(path);
}

/* /edit composes an answer in $EDITOR; it arrives whole. */
static void
test_edit(void **state)
{
	struct pty	*t = *state;
	char		*json;

	start(t, "inputrc", NULL);
	expect(t, "> ");
	type(t, "3\r");
	expect(t, "> ");
	type(t, "/edit\r");
	expect(t, "Still missing:");
	expect(t, "> ");
	type(t, "\004");
	assert_int_equal(finish(t), 0);

	json = history_json(t);
	assert_non_null(strstr(json, "Written in my editor: I led the rollout."
	    "\\nA second paragraph."));
	free(json);
}

/* Tab completes commands and area ids. */
static void
test_completion(void **state)
{
	struct pty	*t = *state;

	start(t, "inputrc", NULL);
	expect(t, "> ");
	type(t, "/are\t");
	expect(t, "/areas");
	type(t, "\r");
	expect(t, "insightfulness");
	expect(t, "> ");
	type(t, "/goto integ\t");
	expect(t, "integrity");
	type(t, "\r");
	expect(t, "[9/10] Person-centred");
	expect(t, "> ");
	type(t, "/quit\r");
	expect(t, "Your summary");
	assert_int_equal(finish(t), 0);
	history_file_holds_commands(t);
}

/* Ctrl-C drops the half-typed line and asks again; nothing is kept of it. */
static void
test_ctrl_c(void **state)
{
	struct pty	*t = *state;
	char		*json;

	start(t, "inputrc", NULL);
	expect(t, "> ");
	type(t, "/skip\r");
	expect(t, "> ");
	type(t, "half typed and abandoned");
	expect(t, "abandoned");
	type(t, "\003");
	expect(t, "> ");
	type(t, "I asked the board for sponsorship of our shared care record "
	    "plan.\r");
	expect(t, "Still missing:");
	expect(t, "> ");
	type(t, "\004");
	assert_int_equal(finish(t), 0);

	json = history_json(t);
	assert_null(strstr(json, "abandoned"));
	assert_non_null(strstr(json, "shared care record"));
	free(json);
}

/* A pasted multi-line answer arrives whole (bracketed paste on). */
static void
test_paste(void **state)
{
	struct pty	*t = *state;
	char		*json;

	start(t, "inputrc-paste", NULL);
	expect(t, "> ");
	type(t, "2\r");
	expect(t, "> ");
	type(t, "\033[200~First line of my answer.\nSecond line of it."
	    "\033[201~");
	type(t, "\r");
	expect(t, "> ");
	type(t, "\004");
	assert_int_equal(finish(t), 0);

	json = history_json(t);
	assert_non_null(strstr(json, "First line of my answer.\\nSecond line "
	    "of it."));
	free(json);
}

/* SIGKILL mid-session loses nothing already entered. */
static void
test_sigkill(void **state)
{
	struct pty	*t = *state;
	char		*json;
	int		 status;

	start(t, "inputrc", "--area=integrity");
	expect(t, "[9/10]");
	expect(t, "> ");
	type(t, "4\r");
	expect(t, "> ");
	type(t, "I owned the mistake in the rota rollout and apologised to "
	    "the ward.\r");
	expect(t, "Still missing:");
	expect(t, "> ");
	kill(t->pid, SIGKILL);
	waitpid(t->pid, &status, 0);
	t->pid = -1;
	assert_true(WIFSIGNALED(status));

	json = history_json(t);
	assert_non_null(strstr(json, "owned the mistake in the rota"));
	assert_non_null(strstr(json, "\"area\":\"integrity\""));
	free(json);
}

/* Run ./dhcoach with the test's database and args, without a terminal. */
static void
run_plain(struct pty *t, const char *args)
{
	char	*cmd;

	cmd = xasprintf("DHCOACH_TODAY=2026-11-26 ./dhcoach --db '%s' %s "
	    "> /dev/null", t->db, args);
	if (system(cmd) != 0)
		fail_msg("%s failed", cmd);
	free(cmd);
}

/* plan rm asks on a terminal: n keeps the action, y removes it. */
static void
test_plan_rm(void **state)
{
	static const char *const rm[] = { "plan", "rm", "1", NULL };
	struct pty	*t = *state;

	run_plain(t, "plan add --action 'Run a pilot' --due 2027-01-31 "
	    "--area integrity");
	t->cmd = rm;
	start(t, "inputrc", NULL);
	expect(t, "Remove action 1, \"Run a pilot\"? This cannot be undone. "
	    "(y/N)");
	expect(t, "> ");
	type(t, "n\r");
	expect(t, "Kept action 1.");
	assert_int_equal(finish(t), 0);
	close(t->fd);

	start(t, "inputrc", NULL);
	expect(t, "(y/N)");
	expect(t, "> ");
	type(t, "y\r");
	expect(t, "Removed action 1.");
	assert_int_equal(finish(t), 0);
}

/* plan add on a terminal: the guided questions through readline. */
static void
test_plan_add(void **state)
{
	static const char *const add[] = { "plan", "add", NULL };
	struct pty	*t = *state;
	char		*cmd, *out = NULL;
	size_t		 len;
	FILE		*p;

	t->cmd = add;
	start(t, "inputrc", NULL);
	expect(t, "What will you do?");
	expect(t, "> ");
	type(t, "Run a pilot on ward 7\r");
	expect(t, "How will you know it worked?");
	expect(t, "> ");
	type(t, "Ten nurses use it\r");
	expect(t, "By when?");
	expect(t, "> ");
	type(t, "31/02/2027\r");
	expect(t, "There is no 31 February 2027");
	expect(t, "> ");
	type(t, "2027-03-31\r");
	expect(t, "That is Wednesday 31 March 2027.");
	expect(t, "Who or what will support you?");
	expect(t, "> ");
	type(t, "\r");
	expect(t, "Which skill area");
	expect(t, "> ");
	type(t, "9\r");
	expect(t, "Save it to your plan? (Y/n)");
	expect(t, "> ");
	type(t, "\r");
	expect(t, "Saved as action 1.");
	expect(t, "(y/N)");
	expect(t, "> ");
	type(t, "\004");
	assert_int_equal(finish(t), 0);

	cmd = xasprintf("./dhcoach --db '%s' plan export --format json", t->db);
	if ((p = popen(cmd, "r")) == NULL)
		fatal("popen");
	if (util_read_stream(p, 1 << 20, &out, &len) != 0)
		fatal("read");
	pclose(p);
	free(cmd);
	assert_non_null(strstr(out, "\"action\":\"Run a pilot on ward 7\""));
	assert_non_null(strstr(out, "\"area\":\"integrity\""));
	free(out);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_full_area),
		T(test_completion),
		T(test_ctrl_c),
		T(test_paste),
		T(test_edit),
		T(test_sigkill),
		T(test_plan_rm),
		T(test_plan_add),
	};
#undef T

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests_name("pty", tests, NULL, NULL);
}
