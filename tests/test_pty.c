/*
 * test_pty.c: the conversation and the questionnaire in a real
 * pseudo-terminal, as a person meets them, one feature a test: a whole
 * area; two sittings, the second carrying on from the first; /covered;
 * a sentence typed at the rating prompt; the plan offered after
 * Insightfulness; the plan's draft kept after Ctrl-D and Ctrl-C; the
 * questionnaire; Tab completion; Ctrl-C on a half-typed line; Ctrl-D;
 * a pasted answer; /edit; SIGKILL; a narrow terminal; the history file.
 * Afterwards the database is read through ./dhcoach itself (history,
 * report, progress, plan export), never through SQLite.
 *
 * The environment is pinned: TERM=xterm, INPUTRC from tests/data
 * (bracketed paste off, but for the paste test), LANG=C.UTF-8, NO_COLOR,
 * DHCOACH_TODAY, HOME and the XDG folders in a new temporary folder,
 * and a 100x40 window (60 columns for the narrow test).
 *
 * What the program writes is kept with escape sequences and carriage
 * returns taken out (t->screen).  expect() looks for text with every run
 * of white space counted as one space, so that a sentence matches
 * however it was wrapped; prompt() waits until readline has drawn "> "
 * at the start of a line and nothing more comes, so that keys are typed
 * only when readline is reading them.
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

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "converse.h"
#include "framework.h"
#include "util.h"

/* How long to wait for expected output before failing. */
#define PTY_TIMEOUT_MS	10000
/* How long the screen must stay still after a prompt is drawn. */
#define PTY_QUIET_MS	30

/*
 * The answers typed.  Which indicators the engine finds in them is not
 * asserted here (the engine has tests of its own): what one view of the
 * conversation showed is read from it, or from the report, and checked
 * in the others.
 */
#define SV_LINK_QUOTE	"Last year I linked our e-observations rollout to " \
	"the trust's digital strategy and presented it to the board."
#define SV_LINK		SV_LINK_QUOTE " The weather that spring was awful."
#define SV_DATA		"I pulled together Datix reports, complaints and the " \
	"audit data and spotted that most falls happened around handover."
#define SV_VISION	"I set out a vision of a single shared care record " \
	"that every clinician in the ICS could use."
#define SV_BOARD	"I presented the vision to the trust board and " \
	"secured an executive sponsor."
#define IN_OWN		"When the pharmacy interface failed on day one, I " \
	"took full responsibility for the decision to go live and chaired " \
	"the daily recovery meetings myself."
#define IS_360		"My 360 feedback showed that I rarely delegated, " \
	"which I had not recognised in myself."
#define IS_STEP		"By the end of March I'll ask two colleagues for " \
	"feedback on how I chair meetings."
#define IS_STYLE	"I noticed that when I spoke first in huddles the " \
	"team went quiet, so I started asking for their views before giving " \
	"mine."
#define PLAN_ACTION	"Chair the weekly EPR huddle on ward 7 for three months"
#define PLAN_MEASURE	"Ward staff raise issues at the huddle"

/* The areas' titles, in framework order. */
static const char *const titles[FRAMEWORK_NAREAS] = {
	"Strategic vision", "Learning dissemination",
	"Innovation and change management", "Outcomes orientated",
	"Communication and influence", "Culture development",
	"Team development", "Growth mindset", "Integrity", "Insightfulness"
};

struct pty {
	char		*dir;		/* temporary HOME */
	char		*db;
	char		*top;		/* the folder of ./dhcoach */
	pid_t		 pid;
	int		 fd;
	struct buf	 screen;	/* output, escapes and CRs taken out */
	size_t		 mark;		/* where the next expect looks from */
	int		 esc;		/* the escape parser's state */

	/* The next start's environment. */
	const char	*today;
	const char	*inputrc;	/* in tests/data */
	const char	*editor;	/* in tests/data */
	int		 cols;
	int		 umask_zero;
};

/* A new temporary HOME, and the pinned environment's defaults. */
static int
setup(void **state)
{
	struct pty	*t;
	char		 cwd[4096];

	t = xcalloc(1, sizeof *t);
	t->dir = xstrdup("/tmp/pty-XXXXXX");
	if (mkdtemp(t->dir) == NULL)
		fatal("mkdtemp");
	t->db = xasprintf("%s/answers.db", t->dir);
	if (getcwd(cwd, sizeof cwd) == NULL)
		fatal("getcwd");
	t->top = xstrdup(cwd);
	t->pid = -1;
	t->fd = -1;
	t->today = "2026-12-03";
	t->inputrc = "inputrc";
	t->editor = "fake-editor";
	t->cols = 100;
	*state = t;
	return 0;
}

/* Stop the program if it still runs, and remove the temporary HOME. */
static int
teardown(void **state)
{
	struct pty	*t = *state;
	char		*cmd;

	if (t->pid > 0) {
		kill(t->pid, SIGKILL);
		waitpid(t->pid, NULL, 0);
	}
	if (t->fd >= 0)
		close(t->fd);
	cmd = xasprintf("rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		fatalx("cannot remove %s", t->dir);
	free(cmd);
	buf_free(&t->screen);
	free(t->top);
	free(t->db);
	free(t->dir);
	free(t);
	return 0;
}

/* Start ./dhcoach --db DB [args] on a new pty, in the pinned environment. */
static void
start(struct pty *t, const char *const *args)
{
	struct winsize	 ws = { .ws_row = 40, .ws_col = 100 };
	char		*argv[16];
	int		 n = 0, i;

	if (t->fd >= 0)
		close(t->fd);
	buf_free(&t->screen);
	t->mark = 0;
	t->esc = 0;
	ws.ws_col = (unsigned short)t->cols;
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid == -1)
		fatal("forkpty");
	if (t->pid != 0)
		return;

	/* The child: the environment, then the program. */
	setenv("TERM", "xterm", 1);
	setenv("INPUTRC", xasprintf("%s/tests/data/%s", t->top, t->inputrc),
	    1);
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("LC_CTYPE");
	setenv("NO_COLOR", "1", 1);
	setenv("HOME", t->dir, 1);
	setenv("XDG_STATE_HOME", xasprintf("%s/state", t->dir), 1);
	setenv("XDG_DATA_HOME", xasprintf("%s/data", t->dir), 1);
	setenv("DHCOACH_TODAY", t->today, 1);
	setenv("DHCOACH_PROMPTS", xasprintf("%s/prompts", t->top), 1);
	unsetenv("DHCOACH_DB");
	unsetenv("VISUAL");
	unsetenv("PAGER");
	setenv("EDITOR", xasprintf("%s/tests/data/%s", t->top, t->editor), 1);
	if (t->umask_zero)
		umask(0);
	argv[n++] = (char *)"dhcoach";
	argv[n++] = (char *)"--db";
	argv[n++] = t->db;
	for (i = 0; args != NULL && args[i] != NULL && n < 15; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	execv("./dhcoach", argv);
	_exit(127);
}

/* Keep output on the screen, without escape sequences, CRs or controls. */
static void
keep(struct pty *t, const char *s, size_t len)
{
	unsigned char	c;
	size_t		i;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		switch (t->esc) {
		case 1:		/* after ESC */
			if (c == '[')
				t->esc = 2;
			else if (c == ']')
				t->esc = 3;
			else if (c == '(' || c == ')' || c == '#' || c == '%')
				t->esc = 5;
			else
				t->esc = 0;
			continue;
		case 2:		/* CSI: up to its final byte */
			if (c >= 0x40 && c <= 0x7e)
				t->esc = 0;
			continue;
		case 3:		/* OSC: up to BEL or ST */
			if (c == 0x07)
				t->esc = 0;
			else if (c == 0x1b)
				t->esc = 4;
			continue;
		case 4:
			t->esc = c == '\\' ? 0 : 3;
			continue;
		case 5:		/* one byte more */
			t->esc = 0;
			continue;
		}
		if (c == 0x1b)
			t->esc = 1;
		else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f))
			buf_addc(&t->screen, (char)c);
	}
}

/* Read what comes within ms: 1 some came, 0 none, -1 the end. */
static int
pump(struct pty *t, int ms)
{
	struct pollfd	pfd = { .fd = t->fd, .events = POLLIN };
	char		chunk[4096];
	ssize_t		n;
	int		r;

	if ((r = poll(&pfd, 1, ms)) == 0)
		return 0;
	if (r == -1)
		return errno == EINTR ? 0 : -1;
	n = read(t->fd, chunk, sizeof chunk);
	if (n <= 0)
		return -1;	/* EIO once the child has gone */
	keep(t, chunk, (size_t)n);
	return 1;
}

/* Milliseconds since t0. */
static long
since(const struct timespec *t0)
{
	struct timespec	now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 +
	    (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * s[0..len) with every run of white space made one space; map, when
 * not NULL, gets where each byte of the result came from.
 */
static char *
flat(const char *s, size_t len, size_t **map)
{
	char	*out = xmalloc(len + 1);
	size_t	*m = map != NULL ? xreallocarray(NULL, len + 1, sizeof *m) :
		    NULL;
	size_t	 i, n = 0;
	int	 space = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
			if (space)
				continue;
			space = 1;
			if (m != NULL)
				m[n] = i;
			out[n++] = ' ';
			continue;
		}
		space = 0;
		if (m != NULL)
			m[n] = i;
		out[n++] = s[i];
	}
	out[n] = '\0';
	if (map != NULL)
		*map = m;
	return out;
}

/* Whether hay holds needle, white space counted as above. */
static int
has(const char *hay, const char *needle)
{
	char	*h = flat(hay, strlen(hay), NULL);
	char	*n = flat(needle, strlen(needle), NULL);
	int	 found = strstr(h, n) != NULL;

	free(h);
	free(n);
	return found;
}

#define assert_has(hay, needle) do {					\
	if (!has((hay), (needle)))					\
		fail_msg("wanted \"%s\" in:\n%s", (needle), (hay));	\
} while (0)

#define assert_hasnt(hay, needle) do {					\
	if (has((hay), (needle)))					\
		fail_msg("did not want \"%s\" in:\n%s", (needle), (hay)); \
} while (0)

/* The screen after the mark, for messages: its last 3000 bytes. */
static const char *
tail(const struct pty *t)
{
	size_t	from = t->mark;

	if (t->screen.data == NULL)
		return "";
	if (t->screen.len - from > 3000)
		from = t->screen.len - 3000;
	return t->screen.data + from;
}

/* Wait until text appears after the mark; move the mark past it. */
static void
expect_at(struct pty *t, const char *text, int at_line)
{
	struct timespec	 t0;
	size_t		*map, end;
	char		*want, *got, *at;

	want = flat(text, strlen(text), NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (t->screen.len > t->mark) {
			got = flat(t->screen.data + t->mark, t->screen.len -
			    t->mark, &map);
			if ((at = strstr(got, want)) != NULL) {
				end = map[at - got + strlen(want) - 1] + 1;
				t->mark += end;
				free(got);
				free(map);
				free(want);
				return;
			}
			free(got);
			free(map);
		}
		if (since(&t0) > PTY_TIMEOUT_MS || pump(t, 100) == -1)
			fail_msg("line %d: waited for \"%s\"; the screen "
			    "said:\n%s", at_line, text, tail(t));
	}
}

/* Wait for readline's prompt, drawn after the mark, and the screen still. */
static void
prompt_at(struct pty *t, int at_line)
{
	struct timespec	t0;
	int		r;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (t->screen.len > t->mark && t->screen.len >= 2 &&
		    memcmp(t->screen.data + t->screen.len - 2, "> ", 2) == 0 &&
		    (t->screen.len == 2 ||
		    t->screen.data[t->screen.len - 3] == '\n')) {
			if ((r = pump(t, PTY_QUIET_MS)) == 0) {
				t->mark = t->screen.len;
				return;
			}
			if (r == -1)
				fail_msg("line %d: dhcoach left before its "
				    "prompt; the screen said:\n%s", at_line,
				    tail(t));
			continue;
		}
		if (since(&t0) > PTY_TIMEOUT_MS || pump(t, 100) == -1)
			fail_msg("line %d: waited for the prompt; the screen "
			    "said:\n%s", at_line, tail(t));
	}
}

/* Where a step failed is where the test called it. */
#define expect(t, text)	expect_at((t), (text), __LINE__)
#define prompt(t)	prompt_at((t), __LINE__)

/* Type text as keystrokes. */
static void
type(struct pty *t, const char *text)
{
	size_t	len = strlen(text);

	if (write(t->fd, text, len) != (ssize_t)len)
		fatal("write to pty");
}

/* Wait at the prompt, then type a line and Enter. */
static void
answer_at(struct pty *t, const char *line, int at_line)
{
	prompt_at(t, at_line);
	type(t, line);
	type(t, "\r");
}

#define answer(t, line)	answer_at((t), (line), __LINE__)

/* The screen from position from to the mark, as a new string. */
static char *
region(const struct pty *t, size_t from)
{
	return xstrndup(t->screen.data + from, t->mark - from);
}

/* Wait for the child to leave, reading its output; returns its status. */
static int
finish(struct pty *t)
{
	struct timespec	t0;
	int		status;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (waitpid(t->pid, &status, WNOHANG) == t->pid)
			break;
		if (since(&t0) > PTY_TIMEOUT_MS)
			fail_msg("dhcoach did not leave; the screen said:\n%s",
			    tail(t));
		if (pump(t, 50) == -1)
			usleep(10000);
	}
	while (pump(t, 0) == 1)
		continue;
	t->pid = -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* The output of ./dhcoach --db DB args, which must exit 0. */
static char *
run(struct pty *t, const char *args)
{
	char	*cmd, *out = NULL;
	size_t	 len;
	FILE	*p;
	int	 status;

	cmd = xasprintf("DHCOACH_TODAY=%s DHCOACH_PROMPTS='%s/prompts' "
	    "./dhcoach --db '%s' %s", t->today, t->top, t->db, args);
	if ((p = popen(cmd, "r")) == NULL)
		fatal("popen");
	if (util_read_stream(p, 1 << 22, &out, &len) != 0)
		fatal("read");
	if ((status = pclose(p)) != 0)
		fail_msg("%s exited with %d:\n%s", cmd, status, out);
	free(cmd);
	return out;
}

/* Report JSON: the object of area id, from its start. */
static const char *
json_area(const char *json, const char *id)
{
	char		*key;
	const char	*at;

	key = xasprintf("{\"id\":\"%s\",\"title\"", id);
	if ((at = strstr(json, key)) == NULL)
		fail_msg("no area %s in the report:\n%s", id, json);
	free(key);
	return at;
}

/* Report JSON: the number of key after from, or 0 when it is null. */
static int
json_int(const char *from, const char *key)
{
	char		*k;
	const char	*at;

	k = xasprintf("\"%s\":", key);
	if ((at = strstr(from, k)) == NULL)
		fail_msg("no %s in:\n%.400s", key, from);
	at += strlen(k);
	free(k);
	return strncmp(at, "null", 4) == 0 ? 0 : atoi(at);
}

/* Wait for the prompt; the screen from the mark to it, as a new string. */
static char *
until_prompt_at(struct pty *t, int at_line)
{
	size_t	from = t->mark;

	prompt_at(t, at_line);
	return region(t, from);
}

#define until_prompt(t)	until_prompt_at((t), __LINE__)

/*
 * The question a region ends with (before the prompt): its last
 * paragraph, white space made single; NULL when it ends otherwise.
 */
static char *
last_question(const char *s)
{
	const char	*start = s, *p;
	size_t		 len = strlen(s);
	char		*q;

	if (len >= 2 && strcmp(s + len - 2, "> ") == 0)
		len -= 2;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	if (len == 0 || s[len - 1] != '?')
		return NULL;
	for (p = s; p + 1 < s + len; p++) {
		if (p[0] == '\n' && p[1] == '\n')
			start = p + 2;
	}
	q = flat(start, (size_t)(s + len - start), NULL);
	if (*q == ' ')
		memmove(q, q + 1, strlen(q));
	return q;
}

/* The end of the JSON array or object opening at open. */
static const char *
json_end(const char *open)
{
	const char	*p;
	int		 depth = 0, in = 0;

	for (p = open; *p != '\0'; p++) {
		if (in) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"')
				in = 0;
		} else if (*p == '"')
			in = 1;
		else if (*p == '[' || *p == '{')
			depth++;
		else if ((*p == ']' || *p == '}') && --depth == 0)
			return p;
	}
	fail_msg("unfinished JSON: %.200s", open);
	return p;
}

/*
 * Report JSON: the string values of field in the objects of array key
 * of an area's object (say the titles of its "gaps"); returns how many.
 */
static int
json_fields(const char *area, const char *key, const char *field, char **out,
    int max)
{
	const char	*open, *end, *p, *q;
	char		*k, *f;
	int		 n = 0;

	k = xasprintf("\"%s\":[", key);
	if ((open = strstr(area, k)) == NULL)
		fail_msg("no %s in:\n%.400s", key, area);
	open += strlen(k) - 1;
	free(k);
	end = json_end(open);
	f = xasprintf("\"%s\":\"", field);
	for (p = open; (p = strstr(p, f)) != NULL && p < end && n < max;
	    p = q) {
		p += strlen(f);
		for (q = p; *q != '"'; q++) {
			if (*q == '\\')
				q++;
		}
		out[n++] = xstrndup(p, (size_t)(q - p));
	}
	free(f);
	return n;
}

/* Free what json_fields gave. */
static void
fields_free(char **v, int n)
{
	while (n-- > 0)
		free(v[n]);
}

/* An indicator's title in running text, as the coach writes it. */
static char *
lowered(const char *title)
{
	char	*s = xstrdup(title);

	if (isupper((unsigned char)s[0]) && !isupper((unsigned char)s[1]))
		s[0] = (char)tolower((unsigned char)s[0]);
	return s;
}

/* How many files the recovery folder holds. */
static int
unsaved_files(struct pty *t)
{
	struct dirent	*de;
	char		*path;
	DIR		*d;
	int		 n = 0;

	path = xasprintf("%s/state/dhcoach/unsaved", t->dir);
	if ((d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL)
			n += strcmp(de->d_name, ".") != 0 &&
			    strcmp(de->d_name, "..") != 0;
		closedir(d);
	}
	free(path);
	return n;
}

/* The first question of a new database: the name and role, left out. */
static void
skip_profile(struct pty *t)
{
	expect(t, "what name and role should the report for your mentor "
	    "show?");
	answer(t, "");
}

/* One area's lines of a summary. */
struct summary_area {
	int	started;
	int	rating;		/* 0: unrated */
	int	shown, total, covered;
};

/* Read the areas of a summary printed at 100 columns. */
static void
summary_parse(const char *text, struct summary_area *v)
{
	const char	*line, *p;
	int		 a = -1, n;

	memset(v, 0, FRAMEWORK_NAREAS * sizeof *v);
	for (line = text; line != NULL && *line != '\0';
	    line = (p = strchr(line, '\n')) != NULL ? p + 1 : NULL) {
		if (sscanf(line, "%d", &n) == 1 && n >= 1 &&
		    n <= FRAMEWORK_NAREAS) {
			a = n - 1;
			continue;
		}
		if (a == -1)
			continue;
		while (*line == ' ')
			line++;
		if (strncmp(line, "rated ", 6) != 0 &&
		    strncmp(line, "unrated", 7) != 0)
			continue;
		v[a].started = 1;
		if (*line == 'r')
			v[a].rating = atoi(line + 6);
		if ((p = strchr(line, ']')) == NULL || sscanf(p + 1,
		    "%d of %d shown", &v[a].shown, &v[a].total) != 2)
			fail_msg("cannot read the summary line: %.80s", line);
		if ((p = strstr(line, "shown, ")) != NULL)
			v[a].covered = atoi(p + 7);
	}
}

/* Wait for a summary; its text, from the heading to the database's path. */
static char *
summary_region_at(struct pty *t, int at_line)
{
	size_t	from;

	expect_at(t, "Your summary, over every sitting", at_line);
	from = t->mark;
	expect_at(t, "Your answers are kept in", at_line);
	return region(t, from);
}

#define summary_region(t)	summary_region_at((t), __LINE__)

/* Two summaries say the same of every area. */
static void
assert_same_summary(const struct summary_area *x,
    const struct summary_area *y)
{
	int	a;

	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		if (x[a].started != y[a].started ||
		    x[a].rating != y[a].rating || x[a].shown != y[a].shown ||
		    x[a].covered != y[a].covered)
			fail_msg("%s: %s, rated %d, %d shown, %d covered; "
			    "then %s, rated %d, %d shown, %d covered",
			    titles[a], x[a].started ? "started" : "not started",
			    x[a].rating, x[a].shown, x[a].covered,
			    y[a].started ? "started" : "not started",
			    y[a].rating, y[a].shown, y[a].covered);
	}
}

/* Whether s holds a sentence of the list, whole, between double quotes. */
static int
quotes_one(const char *s, const char *const *sentences)
{
	char	*q;
	int	 found = 0;

	for (; *sentences != NULL && !found; sentences++) {
		q = xasprintf("\"%s\"", *sentences);
		found = has(s, q);
		free(q);
	}
	return found;
}

/* Whether text is one of the sentences of the list. */
static int
is_one_of(const char *text, const char *const *sentences)
{
	for (; *sentences != NULL; sentences++) {
		if (strcmp(text, *sentences) == 0)
			return 1;
	}
	return 0;
}

/* Main questions, as the prompt files ask them first. */
#define SV_FIRST	"Tell me about a piece of digital work you linked to " \
	"where your organisation, or your wider system, was heading."
#define IN_FIRST	"Tell me about a time a digital change you were " \
	"involved in did not go as planned."

/*
 * One whole area: the rating, the main question, replies quoting a
 * whole sentence, a probe, the summing-up; then Ctrl-D.
 */
static void
test_full_area(void **state)
{
	static const char *const answers[] = { SV_LINK, SV_DATA, SV_BOARD,
	    NULL };
	static const char *const sentences[] = { SV_LINK_QUOTE,
	    "The weather that spring was awful.", SV_DATA, SV_BOARD, NULL };
	struct summary_area	 v[FRAMEWORK_NAREAS];
	struct pty		*t = *state;
	char			*s, *q[4] = { NULL }, *json, *row, *quotes[16];
	const char		*a, *at;
	int			 i, k, n = -1, nq;

	start(t, NULL);
	expect(t, "Type /help for commands.");
	skip_profile(t);
	expect(t, "[1/10] Competency-based: Strategic vision");
	expect(t, "How would you rate yourself here?");
	expect(t, "5 strong: repeated examples I have led");
	answer(t, "3");
	expect(t, SV_FIRST);
	q[0] = xstrdup("Tell me about a piece of digital work");
	prompt(t);

	/* Answers until the area is summed up: one or two probes. */
	for (i = 0; answers[i] != NULL && n == -1; i++) {
		type(t, answers[i]);
		type(t, "\r");
		expect(t, answers[i]);
		s = until_prompt(t);
		if (!quotes_one(s, sentences))
			fail_msg("answer %d: no whole sentence of it quoted in "
			    "the reply:\n%s", i + 1, s);
		if (i == 0)
			assert_hasnt(s, SV_LINK);
		if ((at = strstr(s, "Strategic vision: ")) != NULL &&
		    sscanf(at, "Strategic vision: %d of 4 shown.", &n) == 1) {
			assert_has(at, "[2/10] Competency-based: Learning "
			    "dissemination");
			assert_has(at, "How would you rate yourself here?");
		} else if ((q[i + 1] = last_question(s)) == NULL)
			fail_msg("answer %d: no question after the reply:\n%s",
			    i + 1, s);
		else if (has(q[i + 1], q[i]))
			fail_msg("answer %d: the same question again: %s",
			    i + 1, q[i]);
		free(s);
	}
	if (n == -1 || i < 2)
		fail_msg("summed up after %d answers (one main question and "
		    "one or two probes wanted)", i);
	type(t, "\004");
	s = summary_region(t);
	summary_parse(s, v);
	free(s);
	assert_int_equal(v[0].rating, 3);
	assert_int_equal(v[0].shown, n);
	assert_int_equal(finish(t), 0);

	/* The answers, each with the question it answered. */
	json = run(t, "history --format json");
	for (k = 0; k < i; k++) {
		row = xasprintf("\"kind\":\"%s\",\"prompt\":\"%s", k == 0 ?
		    "prompt" : "probe", q[k]);
		assert_has(json, row);
		free(row);
		row = xasprintf("\"answer\":\"%s\"", answers[k]);
		assert_has(json, row);
		free(row);
		free(q[k]);
	}
	free(json);

	/* The report: the rating, the count, whole sentences as quotes. */
	json = run(t, "report --format json");
	a = json_area(json, "strategic-vision");
	assert_int_equal(json_int(a, "rating"), 3);
	assert_int_equal(json_int(a, "shown"), n);
	nq = json_fields(a, "evidence", "quote", quotes, 16);
	if (nq != n)
		fail_msg("%d shown, but %d quotes in the report's evidence: "
		    "%.*s", n, nq, (int)(strstr(a, "\"covered\":") - a), a);
	for (k = 0; k < nq; k++) {
		if (!is_one_of(quotes[k], sentences))
			fail_msg("a quote that is not a whole sentence of an "
			    "answer: %s", quotes[k]);
	}
	fields_free(quotes, nq);
	free(json);
}

/* What the first of two sittings left, as its summary and the report say. */
struct first_sitting {
	struct summary_area	 v[FRAMEWORK_NAREAS];
	char			*shown[16];	/* Strategic vision's titles */
	char			*open[16];
	int			 nshown, nopen;
};

/*
 * The first of two sittings, on 3 December: Strategic vision rated 4,
 * one answer, left for Integrity, rated 2, one answer; then Ctrl-D.
 */
static void
sitting_one(struct pty *t, struct first_sitting *one)
{
	const char	*a;
	char		*s, *json;

	t->today = "2026-12-03";
	start(t, NULL);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "4");
	expect(t, SV_FIRST);
	answer(t, SV_LINK);
	expect(t, SV_LINK);
	prompt(t);
	type(t, "/goto integrity\r");
	expect(t, "[9/10] Person-centred: Integrity");
	expect(t, "How would you rate yourself here?");
	answer(t, "2");
	expect(t, IN_FIRST);
	answer(t, IN_OWN);
	expect(t, IN_OWN);
	prompt(t);
	type(t, "\004");
	s = summary_region(t);
	summary_parse(s, one->v);
	free(s);
	assert_int_equal(finish(t), 0);
	assert_true(one->v[0].started);
	assert_int_equal(one->v[0].rating, 4);
	assert_true(one->v[8].started);
	assert_int_equal(one->v[8].rating, 2);

	json = run(t, "report --format json");
	a = json_area(json, "strategic-vision");
	one->nshown = json_fields(a, "evidence", "title", one->shown, 16);
	one->nopen = json_fields(a, "gaps", "title", one->open, 16);
	free(json);
}

/* Free what sitting_one kept. */
static void
first_sitting_free(struct first_sitting *one)
{
	fields_free(one->shown, one->nshown);
	fields_free(one->open, one->nopen);
}

/*
 * The second sitting, on 10 December: the welcome back and its recap,
 * Enter to carry on, /areas, /summary and /gaps, one more answer, a
 * visit to Integrity, /quit.  Returns the summary it ended with.
 */
static char *
sitting_two(struct pty *t, const struct first_sitting *one)
{
	struct summary_area	 v[FRAMEWORK_NAREAS];
	const char		*still;
	char			*s, *q, *all, *row, *before, *title;
	size_t			 from;
	int			 k;

	t->today = "2026-12-10";
	start(t, NULL);

	/* The welcome back, with what last time showed and left open. */
	expect(t, "Welcome back. Last time you got as far as [9/10] "
	    "Integrity.");
	expect(t, "[1/10] Strategic vision. Last time, on 3 December: rated "
	    "4; shown:");
	from = t->mark;
	expect(t, "Carry on with [1/10] Strategic vision? (Y/n)");
	/* The recap wraps where the width says: one space per run. */
	all = region(t, from);
	s = flat(all, strlen(all), NULL);
	free(all);
	if ((still = strstr(s, "; still open: ")) == NULL)
		fail_msg("no 'still open' in the recap:\n%s", s);
	before = xstrndup(s, (size_t)(still - s));
	if (one->nshown == 0)
		assert_has(before, "nothing yet");
	for (k = 0; k < one->nshown; k++) {
		title = lowered(one->shown[k]);
		assert_has(before, title);
		assert_hasnt(still, title);
		free(title);
	}
	for (k = 0; k < one->nopen; k++) {
		title = lowered(one->open[k]);
		assert_has(still, title);
		assert_hasnt(before, title);
		free(title);
	}
	free(before);
	free(s);
	answer(t, "");
	expect(t, "[1/10] Competency-based: Strategic vision");
	expect(t, "Your rating here: 4 (given 3 December). Type a new one, or "
	    "press Enter to keep it.");
	answer(t, "");
	s = until_prompt(t);
	if ((q = last_question(s)) == NULL)
		fail_msg("no question to carry on with:\n%s", s);
	assert_hasnt(q, SV_FIRST);
	free(q);
	free(s);

	/* What the first sitting showed counts in /areas, /summary, /gaps. */
	type(t, "/areas\r");
	s = until_prompt(t);
	row = xasprintf("1 Strategic vision (strategic-vision): here now; %d "
	    "of 4 shown; rated 4", one->v[0].shown);
	assert_has(s, row);
	free(row);
	row = xasprintf("9 Integrity (integrity): started; %d of 3 shown; "
	    "rated 2", one->v[8].shown);
	assert_has(s, row);
	free(row);
	free(s);
	type(t, "/summary\r");
	s = until_prompt(t);
	summary_parse(s, v);
	assert_same_summary(one->v, v);
	free(s);
	type(t, "/gaps\r");
	s = until_prompt(t);
	for (k = 0; k < one->nopen; k++) {
		row = xasprintf("- %s: ", one->open[k]);
		assert_has(s, row);
		free(row);
	}
	for (k = 0; k < one->nshown; k++) {
		row = xasprintf("- %s: ", one->shown[k]);
		assert_hasnt(s, row);
		free(row);
	}
	free(s);

	/* One more answer; then Integrity: no answered question again. */
	type(t, SV_VISION "\r");
	expect(t, SV_VISION);
	prompt(t);
	type(t, "/goto integrity\r");
	expect(t, "[9/10] Person-centred: Integrity");
	expect(t, "Your rating here: 2 (given 3 December).");
	answer(t, "");
	s = until_prompt(t);
	if ((q = last_question(s)) == NULL)
		fail_msg("no question in Integrity:\n%s", s);
	assert_hasnt(q, IN_FIRST);
	free(q);
	free(s);
	type(t, "/quit\r");
	s = summary_region(t);
	assert_int_equal(finish(t), 0);

	/* Nothing answered in the first sitting was asked again. */
	all = xstrndup(t->screen.data, t->screen.len);
	assert_hasnt(all, "what name and role");
	assert_hasnt(all, SV_FIRST);
	assert_hasnt(all, IN_FIRST);
	free(all);
	return s;
}

/* Two sittings: the second carries on from what the first showed. */
static void
test_two_sittings(void **state)
{
	struct first_sitting	 one;
	struct pty		*t = *state;

	sitting_one(t, &one);
	free(sitting_two(t, &one));
	first_sitting_free(&one);
}

/* Progress: the last number of a trend ("4 > -", "2 > 3") in [p, stop). */
static int
progress_last(const char *p, const char *stop)
{
	const char	*line = p;
	int		 last = 0;

	for (; p < stop; p++) {
		if (*p >= '0' && *p <= '9' && (p == line || p[-1] == ' '))
			last = atoi(p);
	}
	return last;
}

/* report and progress agree with the summary on every area. */
static void
test_summary_agrees(void **state)
{
	struct first_sitting	 one;
	struct summary_area	 v[FRAMEWORK_NAREAS];
	struct pty		*t = *state;
	const char		*o, *line, *end, *eol;
	char			*summary, *json, *progress, *head, *flatp;
	int			 a, n, total;

	sitting_one(t, &one);
	summary = sitting_two(t, &one);
	first_sitting_free(&one);
	summary_parse(summary, v);
	assert_true(v[0].started);
	assert_int_equal(v[0].rating, 4);
	assert_true(v[8].started);
	assert_int_equal(v[8].rating, 2);

	/* The report, area by area. */
	json = run(t, "report --format json");
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		o = json_area(json, framework_areas[a].id);
		if (!v[a].started) {
			line = strstr(o, "\"explored\":") + 11;
			if (strncmp(line, "false", 5) != 0)
				fail_msg("%s: not started in the summary, "
				    "explored in the report",
				    framework_areas[a].id);
			assert_int_equal(json_int(o, "shown"), 0);
			continue;
		}
		if (json_int(o, "rating") != v[a].rating ||
		    json_int(o, "shown") != v[a].shown ||
		    json_int(o, "total") != v[a].total)
			fail_msg("%s: the summary says rated %d, %d of %d "
			    "shown; the report rated %d, %d of %d",
			    framework_areas[a].id, v[a].rating, v[a].shown,
			    v[a].total, json_int(o, "rating"),
			    json_int(o, "shown"), json_int(o, "total"));
	}

	/* progress: each area's latest rating and evidence. */
	progress = run(t, "progress");
	flatp = flat(progress, strlen(progress), NULL);
	for (a = 0; a < FRAMEWORK_NAREAS; a++) {
		head = xasprintf("\n%s (", titles[a]);
		o = strstr(progress, head);
		free(head);
		if (!v[a].started) {
			if (o != NULL)
				fail_msg("%s: not started in the summary, but "
				    "in progress:\n%s", titles[a], progress);
			line = strstr(flatp, "Not explored yet:");
			if (line == NULL || !has(line, titles[a]))
				fail_msg("%s: not under 'Not explored yet' in "
				    "progress:\n%s", titles[a], progress);
			continue;
		}
		if (o == NULL)
			fail_msg("%s: started in the summary, not in "
			    "progress:\n%s", titles[a], progress);
		line = strstr(o, "self-rating");
		n = progress_last(line, strchr(line, '\n'));
		if (v[a].rating != 0 && n != v[a].rating)
			fail_msg("%s: the summary says rated %d; progress's "
			    "latest rating is %d:\n%s", titles[a], v[a].rating,
			    n, progress);
		line = strstr(o, "evidence");
		eol = strchr(line, '\n');
		if ((end = strstr(line, " of ")) == NULL || end > eol) {
			n = 0;	/* "no answers yet" */
			total = v[a].total;
		} else {
			n = progress_last(line, end);
			total = atoi(end + 4);
		}
		if (n != v[a].shown || total != v[a].total)
			fail_msg("%s: the summary says %d of %d shown; "
			    "progress says: %.*s", titles[a], v[a].shown,
			    v[a].total, (int)(eol - line), line);
	}
	free(flatp);
	free(progress);
	free(json);
	free(summary);
}

/* /covered: listed, recorded by number, shown apart, undone. */
static void
test_covered(void **state)
{
	static const char *const args[] = { "--area", "integrity", NULL };
	struct summary_area	 v[FRAMEWORK_NAREAS];
	struct pty		*t = *state;
	char			*json, *s, *row, *title, *id;
	const char		*p, *q = NULL;

	start(t, args);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "3");
	expect(t, IN_FIRST);
	answer(t, IN_OWN);
	expect(t, IN_OWN);
	prompt(t);

	/* The open gaps, numbered, the area's own first. */
	type(t, "/covered\r");
	expect(t, "Still open here:");
	s = until_prompt(t);
	assert_has(s, "If your last answer covers one of these, type /covered "
	    "and its number.");
	if ((p = strstr(s, "\n   1 ")) == NULL || (q = strstr(p, " (in.")) ==
	    NULL || strchr(p + 1, '\n') < q)
		fail_msg("no gap of Integrity's own listed first:\n%s", s);
	title = xstrndup(p + 6, (size_t)(q - p - 6));
	id = xstrndup(q + 2, strcspn(q + 2, ")"));
	free(s);

	/* Recorded by number, with the answer it belongs to. */
	type(t, "/covered 1\r");
	row = xasprintf("Noted: you say your last answer covers %s.", title);
	expect(t, row);
	free(row);
	prompt(t);
	json = run(t, "history --covered --format json");
	assert_has(json, "\"answer\":\"" IN_OWN "\"");
	row = xasprintf("\"covered\":[\"%s\"]", id);
	assert_has(json, row);
	free(row);
	free(json);
	json = run(t, "report --format json");
	row = xasprintf("\"covered\":[{\"id\":\"%s\",\"title\":\"%s\","
	    "\"quote\":\"" IN_OWN "\"}]", id, title);
	assert_has(json_area(json, "integrity"), row);
	free(row);
	free(json);

	/* Shown apart from what the coach found: /gaps, /summary, /areas. */
	type(t, "/gaps\r");
	s = until_prompt(t);
	row = xasprintf("- %s: you say you covered it; the coach did not find "
	    "it.", title);
	assert_has(s, row);
	free(row);
	free(s);
	type(t, "/summary\r");
	s = until_prompt(t);
	summary_parse(s, v);
	assert_int_equal(v[8].covered, 1);
	free(s);
	type(t, "/areas\r");
	s = until_prompt(t);
	row = xasprintf("9 Integrity (integrity): here now; %d of 3 shown, 1 "
	    "more you say you covered; rated 3", v[8].shown);
	assert_has(s, row);
	free(row);
	free(s);
	type(t, "/covered\r");
	s = until_prompt(t);
	row = xasprintf("(%s)", id);
	assert_hasnt(s, row);
	free(row);
	free(s);

	/* Undone: the gap is open again, everywhere. */
	type(t, "/covered undo\r");
	row = xasprintf("Taken back: %s is open again.", title);
	expect(t, row);
	free(row);
	prompt(t);
	type(t, "/gaps\r");
	s = until_prompt(t);
	row = xasprintf("- %s: ", title);
	assert_has(s, row);
	free(row);
	assert_hasnt(s, "you say you covered it");
	free(s);
	type(t, "\004");
	s = summary_region(t);
	summary_parse(s, v);
	assert_int_equal(v[8].covered, 0);
	free(s);
	assert_int_equal(finish(t), 0);
	json = run(t, "history --covered --format json");
	assert_hasnt(json, IN_OWN);
	free(json);
	json = run(t, "report --format json");
	assert_has(json_area(json, "integrity"), "\"covered\":[]");
	free(json);
	free(title);
	free(id);
}

/* A sentence typed at the rating prompt is the answer; the rating follows. */
static void
test_answer_at_rating(void **state)
{
	static const char *const args[] = { "--area", "integrity", NULL };
	static const char *const sentences[] = { IN_OWN, NULL };
	struct summary_area	 v[FRAMEWORK_NAREAS];
	struct pty		*t = *state;
	char			*json, *s, *q;
	size_t			 from;

	start(t, args);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	prompt(t);
	from = t->mark;
	type(t, IN_OWN "\r");
	expect(t, "Before we go on: how would you rate yourself here, from 1 "
	    "(not yet) to 5 (strong, repeated evidence)? /skip leaves it for "
	    "now.");
	prompt(t);
	s = region(t, from);
	assert_hasnt(s, "Please type a number");
	assert_has(s, IN_FIRST);
	if (!quotes_one(s, sentences))
		fail_msg("the answer is not quoted in the reply:\n%s", s);
	free(s);
	type(t, "4\r");
	s = until_prompt(t);
	if ((q = last_question(s)) == NULL)
		fail_msg("no question after the rating:\n%s", s);
	free(q);
	free(s);
	type(t, "\004");
	s = summary_region(t);
	summary_parse(s, v);
	assert_int_equal(v[8].rating, 4);
	free(s);
	assert_int_equal(finish(t), 0);

	json = run(t, "history --format json");
	assert_has(json, "\"kind\":\"prompt\",\"prompt\":\"" IN_FIRST " What "
	    "part did you take responsibility for, what did you do, and what "
	    "happened next?\",\"answer\":\"" IN_OWN "\"");
	free(json);
	json = run(t, "report --format json");
	assert_int_equal(json_int(json_area(json, "integrity"), "rating"), 4);
	free(json);
}

/*
 * After Insightfulness, the plan's offer starts in Insightfulness with
 * the next step written as the action; Enter keeps both; then saved.
 */
static void
test_plan_offer(void **state)
{
	static const char *const args[] = { "--area", "insightfulness", NULL };
	static const char *const answers[] = { IS_STEP, IS_360, IS_STYLE,
	    NULL };
	struct pty	*t = *state;
	char		*json, *s;
	int		 i, offered = 0;

	start(t, args);
	skip_profile(t);
	expect(t, "[10/10] Person-centred: Insightfulness");
	expect(t, "How would you rate yourself here?");
	answer(t, "3");
	expect(t, "Tell me about a time feedback, an appraisal or your own "
	    "reflection showed you something about yourself as a leader.");
	for (i = 0; answers[i] != NULL && !offered; i++) {
		type(t, answers[i]);
		type(t, "\r");
		expect(t, answers[i]);
		s = until_prompt(t);
		if (has(s, "Would you like to turn that into an action plan "
		    "now, one question at a time? (Y/n)")) {
			assert_has(s, "Insightfulness: ");
			offered = 1;
		}
		free(s);
	}
	if (!offered)
		fail_msg("no plan offered after %d answers", i);

	/* The action pre-filled from the next step. */
	type(t, "\r");
	expect(t, "What will you do?");
	expect(t, "So far: " IS_STEP " (press Enter to keep it)");
	answer(t, "");
	expect(t, "How will you know it worked?");
	answer(t, "Two colleagues have sent me written feedback");
	expect(t, "By when?");
	answer(t, "31/03/2027");
	expect(t, "That is Wednesday 31 March 2027.");
	expect(t, "Who or what will support you?");
	answer(t, "");

	/* The area offered is Insightfulness. */
	expect(t, "Which skill area does this action develop?");
	expect(t, "Press Enter for Insightfulness, or type another area's "
	    "number or id");
	answer(t, "");
	expect(t, "Your action:");
	expect(t, "1 What: " IS_STEP);
	expect(t, "2 How you'll know: Two colleagues have sent me written "
	    "feedback");
	expect(t, "3 Due: Wednesday 31 March 2027");
	expect(t, "5 Area: Insightfulness (insightfulness)");
	expect(t, "Save it (Enter), change one answer (type its number, 1 to "
	    "5), or discard it (d)?");
	answer(t, "");
	expect(t, "Saved as action 1.");
	expect(t, "Would you like to add another action? (y/N)");
	answer(t, "");
	expect(t, "(Y/n)");
	prompt(t);
	type(t, "\004");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);

	json = run(t, "plan export --format json");
	assert_has(json, "{\"id\":1,\"area\":\"insightfulness\",\"action\":\""
	    IS_STEP "\",\"measure\":\"Two colleagues have sent me written "
	    "feedback\",\"due\":\"2027-03-31\"");
	free(json);
}

/* Start /plan at the rating prompt and answer the first two questions. */
static void
plan_begin(struct pty *t)
{
	expect(t, "How would you rate yourself here?");
	answer(t, "/plan");
	expect(t, "Let's turn your reflection into an action plan");
	expect(t, "What will you do?");
	answer(t, PLAN_ACTION);
	expect(t, "How will you know it worked?");
	answer(t, PLAN_MEASURE);
	expect(t, "By when?");
	prompt(t);
}

/* /plan offers the draft kept; it is saved with the answers in it. */
static void
plan_resume(struct pty *t)
{
	answer(t, "/plan");
	expect(t, "You started an action earlier: \"" PLAN_ACTION "\". Carry "
	    "on with it? (Y/n)");
	answer(t, "");
	expect(t, "So far: " PLAN_ACTION " (press Enter to keep it)");
	answer(t, "");
	expect(t, "By when?");
	answer(t, "end of June");
	expect(t, "That is Wednesday 30 June 2027.");
	expect(t, "Who or what will support you?");
	answer(t, "");
	expect(t, "Press Enter for Integrity");
	answer(t, "");
	expect(t, "2 How you'll know: " PLAN_MEASURE);
	expect(t, "Save it (Enter)");
	answer(t, "");
	expect(t, "Saved as action 1.");
	expect(t, "(y/N)");
	answer(t, "");
	expect(t, "Back to where we were");
	prompt(t);
	type(t, "\004");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);
}

/* Ctrl-D during /plan keeps a draft that the next sitting's /plan offers. */
static void
test_plan_draft_ctrl_d(void **state)
{
	static const char *const args[] = { "--area", "integrity", NULL };
	struct pty	*t = *state;
	char		*json;

	start(t, args);
	skip_profile(t);
	plan_begin(t);
	type(t, "\004");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);
	json = run(t, "plan export --format json");
	assert_hasnt(json, PLAN_ACTION);
	free(json);

	start(t, args);
	expect(t, "How would you rate yourself here?");
	plan_resume(t);
	json = run(t, "plan export --format json");
	assert_has(json, "{\"id\":1,\"area\":\"integrity\",\"action\":\""
	    PLAN_ACTION "\",\"measure\":\"" PLAN_MEASURE "\",\"due\":"
	    "\"2027-06-30\"");
	free(json);
}

/*
 * Ctrl-C during /plan: on a half-typed answer it clears the line; on an
 * empty line it stops, keeping a draft that /plan offers again.
 */
static void
test_plan_draft_ctrl_c(void **state)
{
	static const char *const args[] = { "--area", "integrity", NULL };
	struct pty	*t = *state;
	char		*json;

	start(t, args);
	skip_profile(t);
	plan_begin(t);
	type(t, "next Fri");
	expect(t, "next Fri");
	type(t, "\003");
	expect(t, "^C");
	prompt(t);
	type(t, "\003");
	expect(t, "Stopped. What you wrote is kept as a draft: /plan or "
	    "'dhcoach plan add' carries on with it.");
	expect(t, "Back to where we were");
	plan_resume(t);
	json = run(t, "plan export --format json");
	assert_has(json, "\"action\":\"" PLAN_ACTION "\",\"measure\":\""
	    PLAN_MEASURE "\",\"due\":\"2027-06-30\"");
	free(json);
}

/* The questionnaire in a terminal: /back, /skip, the readiness summary. */
static void
test_questionnaire(void **state)
{
	static const char *const args[] = { "questionnaire", NULL };
	static const int	 rest[] = { 2, 3, 4, 1, 3, 4, 2 };
	struct pty		*t = *state;
	char			*json, *line;
	int			 a;

	start(t, args);
	expect(t, "The skills self-report questionnaire");
	expect(t, "[1/10] Strategic vision");
	expect(t, "Your rating, 1 to 5:");
	answer(t, "3");
	expect(t, "An example in a line, if one comes to mind (press Enter to "
	    "go on):");
	answer(t, "");
	expect(t, "[2/10] Learning dissemination");
	answer(t, "4");
	expect(t, "An example in a line");
	answer(t, "");
	expect(t, "[3/10] Innovation and change management");

	/* /back: the area before again, its rating changed. */
	answer(t, "/back");
	expect(t, "[2/10] Learning dissemination");
	expect(t, "Your rating, 1 to 5 (you gave it before; type it again or "
	    "another):");
	answer(t, "5");
	expect(t, "An example in a line");
	answer(t, "");
	expect(t, "[3/10] Innovation and change management");

	/* /skip: no rating for this one; then the rest, one with an example. */
	answer(t, "/skip");
	for (a = 3; a < FRAMEWORK_NAREAS; a++) {
		line = xasprintf("[%d/10] %s", a + 1, titles[a]);
		expect(t, line);
		free(line);
		expect(t, "Your rating, 1 to 5:");
		line = xasprintf("%d", rest[a - 3]);
		answer(t, line);
		free(line);
		expect(t, "An example in a line");
		answer(t, a == 3 ? "In 2022 I led the rollout of the patient "
		    "portal at my trust." : "");
	}

	/* The readiness summary. */
	expect(t, "You rated 9 of the 10 areas");
	expect(t, "Learning dissemination: thin Your rating 5 of 5; evidence "
	    "0 of 4 shown");
	expect(t, "Innovation and change management: not yet discussed");
	expect(t, "One or two things that would add most to your application:");
	assert_int_equal(finish(t), 0);

	json = run(t, "report --format json");
	assert_int_equal(json_int(json_area(json, "strategic-vision"),
	    "rating"), 3);
	assert_int_equal(json_int(json_area(json, "learning-dissemination"),
	    "rating"), 5);
	assert_has(json_area(json, "innovation-change"), "\"rating\":null");
	for (a = 3; a < FRAMEWORK_NAREAS; a++)
		assert_int_equal(json_int(json_area(json,
		    framework_areas[a].id), "rating"), rest[a - 3]);
	free(json);
	json = run(t, "history --format json");
	assert_has(json, "\"area\":\"outcomes-orientated\"");
	assert_has(json, "\"answer\":\"In 2022 I led the rollout of the "
	    "patient portal at my trust.\"");
	free(json);
}

/* Tab completes commands, and area ids after /goto. */
static void
test_completion(void **state)
{
	struct pty	*t = *state;

	start(t, NULL);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	prompt(t);
	type(t, "/are\t");
	expect(t, "/areas");
	type(t, "\r");
	expect(t, "10 Insightfulness (insightfulness): not started");
	prompt(t);
	type(t, "/got\t");
	expect(t, "/goto");
	type(t, "integ\t");
	expect(t, "integrity");
	type(t, "\r");
	expect(t, "[9/10] Person-centred: Integrity");
	answer(t, "/quit");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);
}

/* Ctrl-C drops the half-typed line and asks again; nothing of it is kept. */
static void
test_ctrl_c(void **state)
{
	static const char *const sentences[] = { SV_VISION, NULL };
	struct pty	*t = *state;
	char		*json, *s;

	start(t, NULL);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "/skip");
	expect(t, SV_FIRST);
	prompt(t);
	type(t, "half typed and abandoned");
	expect(t, "abandoned");
	type(t, "\003");
	expect(t, "^C");
	answer(t, SV_VISION);
	expect(t, SV_VISION);
	s = until_prompt(t);
	if (!quotes_one(s, sentences))
		fail_msg("the answer is not quoted in the reply:\n%s", s);
	assert_hasnt(s, "abandoned");
	free(s);
	type(t, "\004");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);

	json = run(t, "history --format json");
	assert_hasnt(json, "abandoned");
	assert_has(json, "\"answer\":\"" SV_VISION "\"");
	free(json);
}

/* Ctrl-D leaves at once, with the summary, and everything saved. */
static void
test_ctrl_d(void **state)
{
	struct summary_area	 v[FRAMEWORK_NAREAS];
	struct pty		*t = *state;
	char			*json, *s;
	const char		*a;

	start(t, NULL);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "4");
	expect(t, SV_FIRST);
	answer(t, SV_LINK);
	expect(t, SV_LINK);
	prompt(t);
	type(t, "\004");
	s = summary_region(t);
	summary_parse(s, v);
	free(s);
	assert_int_equal(v[0].rating, 4);
	assert_int_equal(finish(t), 0);
	assert_int_equal(unsaved_files(t), 0);

	json = run(t, "history --format json");
	assert_has(json, "\"answer\":\"" SV_LINK "\"");
	free(json);
	json = run(t, "report --format json");
	a = json_area(json, "strategic-vision");
	assert_int_equal(json_int(a, "rating"), 4);
	assert_int_equal(json_int(a, "shown"), v[0].shown);
	free(json);
}

/* A pasted multi-line answer arrives whole (bracketed paste on). */
static void
test_paste(void **state)
{
	struct pty	*t = *state;
	char		*json;

	t->inputrc = "inputrc-paste";
	start(t, NULL);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "2");
	expect(t, SV_FIRST);
	prompt(t);
	type(t, "\033[200~First line of my answer.\nSecond line of it."
	    "\033[201~");
	type(t, "\r");
	expect(t, "Second line of it.");
	prompt(t);
	type(t, "\004");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);

	json = run(t, "history --format json");
	assert_has(json, "\"answer\":\"First line of my answer.\\nSecond line "
	    "of it.\"");
	free(json);
}

/*
 * /edit: the editor's text is the answer, replied to and saved whole,
 * and the recovery folder is left empty.
 */
static void
edit(struct pty *t, const char *first, const char *saved)
{
	static const char *const args[] = { "--area", "integrity", NULL };
	const char	*sentences[] = { first, "A second paragraph.", NULL };
	char		*s, *q, *json;

	start(t, args);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "3");
	expect(t, IN_FIRST);
	answer(t, "/edit");
	expect(t, "/edit");
	s = until_prompt(t);
	assert_hasnt(s, "recovery file");
	assert_hasnt(s, "couldn't");
	if (!quotes_one(s, sentences))
		fail_msg("what the editor wrote is not quoted in the "
		    "reply:\n%s", s);
	if ((q = last_question(s)) == NULL)
		fail_msg("no question after the reply:\n%s", s);
	free(q);
	free(s);
	type(t, "\004");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);

	json = run(t, "history --format json");
	assert_has(json, saved);
	assert_has(json, "\"area\":\"integrity\"");
	free(json);
	assert_int_equal(unsaved_files(t), 0);
}

/* /edit with tests/data/fake-editor, which writes the whole file afresh. */
static void
test_edit(void **state)
{
	edit(*state, "Written in my editor: I led the rollout.",
	    "\"answer\":\"Written in my editor: I led the rollout.\\nA second "
	    "paragraph.");
}

/* /edit with an editor that writes below the file's header. */
static void
test_edit_below_header(void **state)
{
	struct pty	*t = *state;

	t->editor = "pty-editor";
	edit(t, "Written below the header: I led the rollout.",
	    "\"answer\":\"Written below the header: I led the rollout.\\nA "
	    "second paragraph.");
}

/* SIGKILL in the middle of a sitting loses nothing already entered. */
static void
test_sigkill(void **state)
{
	static const char *const args[] = { "--area=integrity", NULL };
	struct pty	*t = *state;
	char		*json;
	int		 status;

	start(t, args);
	skip_profile(t);
	expect(t, "[9/10] Person-centred: Integrity");
	answer(t, "4");
	expect(t, IN_FIRST);
	answer(t, IN_OWN);
	expect(t, IN_OWN);
	prompt(t);
	kill(t->pid, SIGKILL);
	waitpid(t->pid, &status, 0);
	t->pid = -1;
	assert_true(WIFSIGNALED(status));

	json = run(t, "history --format json");
	assert_has(json, "\"area\":\"integrity\",\"kind\":\"prompt\"");
	assert_has(json, "\"answer\":\"" IN_OWN "\"");
	free(json);
	json = run(t, "report --format json");
	assert_int_equal(json_int(json_area(json, "integrity"), "rating"), 4);
	free(json);
	free(run(t, "check"));
}

/* Every line of s fits in cols columns (one a character). */
static void
assert_fits(const char *s, int cols)
{
	const char	*line, *p;
	int		 n;

	for (line = s; *line != '\0'; line = *p == '\n' ? p + 1 : p) {
		n = 0;
		for (p = line; *p != '\0' && *p != '\n'; p++)
			n += ((unsigned char)*p & 0xc0) != 0x80;
		if (n > cols)
			fail_msg("a line of %d columns in a window of "
			    "%d:\n%.*s", n, cols, (int)(p - line), line);
	}
}

/* At 60 columns, what the program writes fits, wrapped between words. */
static void
test_narrow(void **state)
{
	const struct converse_command	*c;
	struct pty			*t = *state;
	const char			*p;
	char				*s, *row;
	int				 a, k;

	t->cols = 60;
	start(t, NULL);

	/* The banner. */
	expect(t, "Type /help for commands. Ctrl-D saves and leaves at any "
	    "time.");
	s = region(t, 0);
	assert_has(s, "dhcoach " DHCOACH_VERSION ": reflect on your digital "
	    "leadership, one skill area at a time.");
	assert_has(s, "Your answers are saved as you go, in your own database "
	    "file:");
	free(s);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "3");
	expect(t, SV_FIRST);
	answer(t, "I set out a vision of a single shared care record.");
	expect(t, "shared care record.");
	prompt(t);
	type(t, "/covered 1\r");
	expect(t, "Noted:");
	prompt(t);

	/* /areas. */
	type(t, "/areas\r");
	s = until_prompt(t);
	if ((p = strstr(s, "here now; ")) == NULL)
		fail_msg("no area here now:\n%s", s);
	k = atoi(p + 10);
	row = xasprintf("> 1 Strategic vision (strategic-vision): here now; %d "
	    "of 4 shown, 1 more you say you covered; rated 3", k);
	assert_has(s, row);
	free(row);
	for (a = 1; a < FRAMEWORK_NAREAS; a++) {
		row = xasprintf("%d %s (%s): not started; 0 of %d shown", a + 1,
		    titles[a], framework_areas[a].id,
		    framework_area_total(a));
		assert_has(s, row);
		free(row);
	}
	free(s);

	/* /help: every command with its summary, words whole. */
	type(t, "/help\r");
	s = until_prompt(t);
	for (c = converse_commands; c->name != NULL; c++) {
		row = xasprintf("/%s %s %s", c->name, c->args, c->summary);
		assert_has(s, row);
		free(row);
	}
	assert_has(s, "Tab completes commands and area ids. Ctrl-C clears the "
	    "line; Ctrl-D saves and leaves.");
	free(s);

	/* The summary, its bars and figures. */
	type(t, "/summary\r");
	s = until_prompt(t);
	assert_has(s, "1 Strategic vision rated 3 [");
	row = xasprintf("] %d of 4 shown, 1 you say you covered next: ", k);
	assert_has(s, row);
	free(row);
	assert_has(s, "3 Innovation and change management not started");
	free(s);
	type(t, "/quit\r");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);

	/* Every line of the whole sitting fits. */
	s = xstrndup(t->screen.data, t->screen.len);
	assert_fits(s, 60);
	free(s);
}

/* The history file holds commands only, mode 0600 even under umask 000. */
static void
test_history_file(void **state)
{
	struct pty	*t = *state;
	struct stat	 st;
	char		*path, *text, *line;
	size_t		 len;
	FILE		*f;

	t->umask_zero = 1;
	start(t, NULL);
	skip_profile(t);
	expect(t, "How would you rate yourself here?");
	answer(t, "/areas");
	expect(t, "10 Insightfulness");
	answer(t, "3");
	expect(t, SV_FIRST);
	answer(t, "My private answer about the ward rota and the board.");
	expect(t, "My private answer about the ward rota");
	prompt(t);
	type(t, "/goto integ\t\r");
	expect(t, "[9/10] Person-centred: Integrity");

	/* Up brings back the last command, never the answer. */
	prompt(t);
	type(t, "\033[A");
	expect(t, "/goto integrity");
	type(t, "\003");
	answer(t, "/quit");
	expect(t, "Your summary, over every sitting");
	assert_int_equal(finish(t), 0);

	path = xasprintf("%s/state/dhcoach", t->dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(path);
	path = xasprintf("%s/state/dhcoach/history", t->dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("cannot read %s", path);
	assert_int_equal(util_read_stream(f, 1 << 20, &text, &len), 0);
	fclose(f);
	assert_string_equal(text, "/areas\n/goto integrity\n/quit\n");
	for (line = text; *line != '\0'; line = strchr(line, '\n') + 1)
		assert_int_equal(*line, '/');
	free(text);
	free(path);
}

int
main(int argc, char **argv)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_full_area),
		T(test_two_sittings),
		T(test_summary_agrees),
		T(test_covered),
		T(test_answer_at_rating),
		T(test_plan_offer),
		T(test_plan_draft_ctrl_d),
		T(test_plan_draft_ctrl_c),
		T(test_questionnaire),
		T(test_completion),
		T(test_ctrl_c),
		T(test_ctrl_d),
		T(test_paste),
		T(test_edit),
		T(test_edit_below_header),
		T(test_sigkill),
		T(test_narrow),
		T(test_history_file),
	};
#undef T

	/* A test's name (or a pattern with *) runs that test alone. */
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests_name("pty", tests, NULL, NULL);
}
