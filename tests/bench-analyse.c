/*
 * bench-analyse.c: the timings tests/bench cannot take from the shell.
 *
 *   bench-analyse analyse PROMPT-DIR TEXT DB
 *	in process: loading the prompts (compiling every pattern, then
 *	through a cache of compiled patterns), JIT-compiling them, analysing
 *	TEXT (about 1 KiB) with and without JIT, matching every pattern
 *	once over it (the floor of the analysis), and a reply: analysing
 *	TEXT and keeping it with store_answer_add in the new file database
 *	DB, committed durably, many times, with the patterns interpreted
 *	and then JIT-compiled (as the conversation has them once its idle
 *	moments have compiled them all).  One line each: "name
 *	median-wall-seconds median-cpu-seconds".
 *   bench-analyse time [OPTIONS] -- COMMAND [ARG]...
 *	run COMMAND several times, standard output to /dev/null; print
 *	"median-seconds peak-KiB runs first-seconds median-cpu-seconds"
 *	(cpu: user and system time, which a busy machine inflates less).
 *   bench-analyse prompt [OPTIONS] -- COMMAND [ARG]...
 *	run COMMAND in a pseudo-terminal, several times: time until its
 *	first prompt ("> " at the start of a line) appears, then type
 *	/quit; print "median-seconds peak-KiB runs first-seconds
 *	median-seconds-to-exit median-cpu-seconds" (to the exit).
 *
 * Options of time and prompt: -n MIN and -N MAX runs (3 and 9), -b
 * SECONDS (1: stop after MIN runs once this much time has gone), -i
 * FILE as standard input (/dev/null), -o FILE for the output (of each
 * run in turn, so the last one's stays),
 * -f PATH removed (with its -wal and -shm) before each run.  "@RUN@" in
 * an argument becomes the run's number, so that each run can add an
 * action of its own.  Peak memory is the largest ru_maxrss that wait4
 * reports for a run, the figure /usr/bin/time -f %M prints.  A run that
 * fails (exit status not 0, or no prompt within 30 seconds) makes the
 * whole measurement fail, with a message: a figure is never taken from
 * a command that did not do its work.
 *
 * Machines here are shared and noisy: every figure is a median, and
 * tests/bench shows them as ratios to an anchor measured in the same
 * run.  Not a test: nothing here asserts a time.
 */
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "analyse.h"
#include "db-open.h"
#include "db.h"
#include "err.h"
#include "framework.h"
#include "match.h"
#include "prompts-load.h"
#include "prompts.h"
#include "store.h"
#include "util.h"

/* The most runs of one measurement. */
#define BENCH_MAX_RUNS		64
/* How long a run may wait for its prompt, in seconds. */
#define BENCH_PROMPT_TIMEOUT	30.0

/* What time and prompt were asked to do. */
struct bench_cmd {
	int		 min;		/* runs at least */
	int		 max;		/* runs at most */
	double		 budget;	/* seconds after which min runs do */
	const char	*input;		/* standard input */
	const char	*output;	/* the last run's output, or NULL */
	const char	*fresh;		/* removed before each run, or NULL */
	char		**argv;		/* the command */
};

/* One run's figures. */
struct bench_run {
	double	secs;		/* to the prompt, or to the end */
	double	total;		/* to the end */
	double	cpu;		/* user and system seconds */
	long	maxrss;		/* KiB */
};

/* Seconds on the monotonic clock. */
static double
bench_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Order doubles, for the median. */
static int
bench_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of v[0..n), which it sorts. */
static double
bench_median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, bench_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The command's arguments with @RUN@ replaced by run; a new array. */
static char **
bench_argv(char **argv, int run)
{
	struct buf	  b;
	char		**v;
	const char	 *s, *at;
	size_t		  n, i;

	for (n = 0; argv[n] != NULL; n++)
		;
	v = xcalloc(n + 1, sizeof *v);
	for (i = 0; i < n; i++) {
		memset(&b, 0, sizeof b);
		for (s = argv[i]; (at = strstr(s, "@RUN@")) != NULL; s = at + 5) {
			buf_add(&b, s, at - s);
			buf_printf(&b, "%d", run);
		}
		buf_adds(&b, s);
		v[i] = buf_take(&b);
	}
	return v;
}

/* Free what bench_argv made. */
static void
bench_argv_free(char **v)
{
	size_t	i;

	for (i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* Remove a database and its WAL files, before a run on a fresh one. */
static void
bench_unlink_db(const char *path)
{
	char	*p;

	if (path == NULL)
		return;
	(void)unlink(path);
	p = xasprintf("%s-wal", path);
	(void)unlink(p);
	free(p);
	p = xasprintf("%s-shm", path);
	(void)unlink(p);
	free(p);
}

/* Point fd at path opened with flags, in a child; exits on failure. */
static void
bench_redirect(int fd, const char *path, int flags)
{
	int	f;

	if ((f = open(path, flags, 0644)) == -1) {
		fprintf(stderr, "bench-analyse: %s: %s\n", path,
		    strerror(errno));
		_exit(127);
	}
	if (f != fd) {
		dup2(f, fd);
		close(f);
	}
}

/* Wait for pid: whether it exited with status 0; fills r->maxrss, r->cpu. */
static int
bench_wait(pid_t pid, const char *name, struct bench_run *r)
{
	struct rusage	ru;
	int		status;

	while (wait4(pid, &status, 0, &ru) == -1) {
		if (errno != EINTR)
			fatal("wait4");
	}
	r->maxrss = ru.ru_maxrss;
	r->cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 1;
	if (WIFEXITED(status))
		fprintf(stderr, "bench-analyse: %s exited with status %d\n",
		    name, WEXITSTATUS(status));
	else
		fprintf(stderr, "bench-analyse: %s died of signal %d\n", name,
		    WTERMSIG(status));
	return 0;
}

/* One run of the command, its output to /dev/null (or -o's file). */
static int
bench_time_run(const struct bench_cmd *c, int run, struct bench_run *r)
{
	char	**argv;
	double	  t0;
	pid_t	  pid;
	int	  ok;

	bench_unlink_db(c->fresh);
	argv = bench_argv(c->argv, run);
	fflush(NULL);
	t0 = bench_now();
	if ((pid = fork()) == -1)
		fatal("fork");
	if (pid == 0) {
		bench_redirect(0, c->input, O_RDONLY);
		bench_redirect(1, c->output != NULL ? c->output :
		    "/dev/null", O_WRONLY | O_CREAT | O_TRUNC);
		execvp(argv[0], argv);
		fprintf(stderr, "bench-analyse: %s: %s\n", argv[0],
		    strerror(errno));
		_exit(127);
	}
	ok = bench_wait(pid, argv[0], r);
	r->secs = r->total = bench_now() - t0;
	bench_argv_free(argv);
	return ok;
}

/*
 * Whether the line being written (bytes since the last newline), once
 * escape sequences and carriage returns are left out, is a prompt: it
 * ends in "> " and holds nothing else.
 */
static int
bench_is_prompt(const char *out, size_t len)
{
	struct buf	 b = { 0 };
	size_t		 i, start = 0;
	int		 yes;

	for (i = 0; i < len; i++) {
		if (out[i] == '\n')
			start = i + 1;
	}
	for (i = start; i < len; i++) {
		if (out[i] == '\033') {
			/* CSI: ESC [ parameters final byte; else ESC and one. */
			if (i + 1 < len && out[i + 1] == '[') {
				for (i += 2; i < len && (out[i] < 0x40 ||
				    out[i] > 0x7e); i++)
					;
			} else
				i++;
			continue;
		}
		if (out[i] != '\r')
			buf_addc(&b, out[i]);
	}
	yes = b.len == 2 && memcmp(b.data, "> ", 2) == 0;
	buf_free(&b);
	return yes;
}

/* One run in a pseudo-terminal: time to the first prompt, then /quit. */
static int
bench_prompt_run(const struct bench_cmd *c, int run, struct bench_run *r)
{
	struct winsize	 ws = { 24, 80, 0, 0 };
	struct pollfd	 pfd;
	struct buf	 out = { 0 };
	char		**argv, buf[4096], *slave;
	double		 t0, now;
	ssize_t		 n;
	pid_t		 pid;
	int		 master, fd, ok, prompted = 0;

	bench_unlink_db(c->fresh);
	argv = bench_argv(c->argv, run);
	if ((master = posix_openpt(O_RDWR | O_NOCTTY)) == -1 ||
	    grantpt(master) == -1 || unlockpt(master) == -1 ||
	    (slave = ptsname(master)) == NULL)
		fatal("pseudo-terminal");
	fflush(NULL);
	t0 = bench_now();
	if ((pid = fork()) == -1)
		fatal("fork");
	if (pid == 0) {
		setsid();
		if ((fd = open(slave, O_RDWR)) == -1)
			_exit(127);
		(void)ioctl(fd, TIOCSCTTY, 0);
		(void)ioctl(fd, TIOCSWINSZ, &ws);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
		close(master);
		execvp(argv[0], argv);
		_exit(127);
	}
	r->secs = 0;
	pfd.fd = master;
	pfd.events = POLLIN;
	for (;;) {
		now = bench_now();
		if (now - t0 > BENCH_PROMPT_TIMEOUT) {
			fprintf(stderr, "bench-analyse: %s: no prompt after "
			    "%.0f s\n", argv[0], BENCH_PROMPT_TIMEOUT);
			kill(pid, SIGKILL);
			break;
		}
		if (poll(&pfd, 1, 1000) <= 0)
			continue;
		if ((n = read(master, buf, sizeof buf)) <= 0)
			break;	/* EIO: every copy of the slave is closed */
		if (prompted)
			continue;
		buf_add(&out, buf, n);
		if (bench_is_prompt(out.data, out.len)) {
			r->secs = bench_now() - t0;
			prompted = 1;
			if (write(master, "/quit\r", 6) != 6)
				fatal("write");
		}
	}
	ok = bench_wait(pid, argv[0], r);
	r->total = bench_now() - t0;
	if (!prompted) {
		if (ok)
			fprintf(stderr, "bench-analyse: %s ended without a "
			    "prompt\n", argv[0]);
		ok = 0;
	}
	if (!ok && out.len > 0)
		fprintf(stderr, "bench-analyse: its output was:\n%.*s\n",
		    (int)out.len, out.data);
	close(master);
	buf_free(&out);
	bench_argv_free(argv);
	return ok;
}

/* Parse the options of time and prompt into *c; returns argv's next. */
static char **
bench_options(int argc, char **argv, struct bench_cmd *c)
{
	int	i;

	c->min = 3;
	c->max = 9;
	c->budget = 1;
	c->input = "/dev/null";
	c->output = c->fresh = NULL;
	for (i = 0; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (i + 1 >= argc)
			fatalx("option %s needs a value", argv[i]);
		if (strcmp(argv[i], "-n") == 0)
			c->min = atoi(argv[++i]);
		else if (strcmp(argv[i], "-N") == 0)
			c->max = atoi(argv[++i]);
		else if (strcmp(argv[i], "-b") == 0)
			c->budget = atof(argv[++i]);
		else if (strcmp(argv[i], "-i") == 0)
			c->input = argv[++i];
		else if (strcmp(argv[i], "-o") == 0)
			c->output = argv[++i];
		else if (strcmp(argv[i], "-f") == 0)
			c->fresh = argv[++i];
		else
			fatalx("unknown option %s", argv[i]);
	}
	if (i + 1 >= argc)
		fatalx("no command after --");
	if (c->min < 1)
		c->min = 1;
	if (c->max > BENCH_MAX_RUNS)
		c->max = BENCH_MAX_RUNS;
	if (c->max < c->min)
		c->max = c->min;
	c->argv = argv + i + 1;
	return c->argv;
}

/* bench-analyse time|prompt [OPTIONS] -- COMMAND [ARG]... */
static int
bench_command(int prompt, int argc, char **argv)
{
	struct bench_cmd	c;
	struct bench_run	r, first = { 0, 0, 0, 0 };
	double			secs[BENCH_MAX_RUNS], total[BENCH_MAX_RUNS];
	double			cpu[BENCH_MAX_RUNS];
	double			t0;
	long			rss = 0;
	int			n, ok;

	bench_options(argc, argv, &c);
	t0 = bench_now();
	for (n = 0; n < c.max; n++) {
		if (n >= c.min && bench_now() - t0 >= c.budget)
			break;
		if (prompt)
			ok = bench_prompt_run(&c, n + 1, &r);
		else
			ok = bench_time_run(&c, n + 1, &r);
		if (!ok)
			return 1;
		if (n == 0)
			first = r;
		secs[n] = r.secs;
		total[n] = r.total;
		cpu[n] = r.cpu;
		if (r.maxrss > rss)
			rss = r.maxrss;
	}
	if (prompt)
		printf("%.6f %ld %d %.6f %.6f %.6f\n", bench_median(secs, n),
		    rss, n, first.secs, bench_median(total, n),
		    bench_median(cpu, n));
	else
		printf("%.6f %ld %d %.6f %.6f\n", bench_median(secs, n), rss,
		    n, first.secs, bench_median(cpu, n));
	return 0;
}

/* Load the prompts or stop. */
static struct prompts *
bench_load(const char *dir)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	if ((p = prompts_load(dir, &probs, 0)) == NULL) {
		if (probs.n > 0)
			fprintf(stderr, "%s\n", probs.msgs[0]);
		fatalx("cannot load the prompts of %s", dir);
	}
	prompts_file_problems_free(&probs);
	return p;
}

/* Load the prompts through the cache file at cache, or stop. */
static struct prompts *
bench_load_cached(const char *dir, const char *cache)
{
	struct prompts_problems	 probs = { 0 };
	struct prompts		*p;

	if ((p = prompts_load_cached(dir, &probs, 0, cache, NULL)) == NULL)
		fatalx("cannot load the prompts of %s", dir);
	prompts_file_problems_free(&probs);
	return p;
}

/* Timings of one thing done several times: wall and CPU seconds. */
struct bench_samples {
	double	wall[BENCH_MAX_RUNS];
	double	cpu[BENCH_MAX_RUNS];
	int	n;
	double	wall0;	/* when the sample being taken began */
	double	cpu0;
};

/* Seconds of CPU this process has used. */
static double
bench_cpu(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Start taking a sample. */
static void
bench_start(struct bench_samples *s)
{
	s->wall0 = bench_now();
	s->cpu0 = bench_cpu();
}

/* End the sample started; whether there is room for another. */
static int
bench_stop(struct bench_samples *s)
{
	s->wall[s->n] = bench_now() - s->wall0;
	s->cpu[s->n] = bench_cpu() - s->cpu0;
	return ++s->n < BENCH_MAX_RUNS;
}

/* Print "name median-wall median-cpu" and start afresh. */
static void
bench_print(const char *name, struct bench_samples *s)
{
	printf("%s %.6f %.6f\n", name, bench_median(s->wall, s->n),
	    bench_median(s->cpu, s->n));
	fflush(stdout);
	s->n = 0;
}

/* Analyse text reps times. */
static void
bench_analyse_time(const struct prompts *p, const char *text, size_t len,
    int reps, struct bench_samples *s)
{
	struct analysis	 a;
	int		 i;

	for (i = 0; i < reps; i++) {
		bench_start(s);
		analyse_run(p, text, len, &a);
		if (!bench_stop(s))
			i = reps;
		analyse_free(&a);
	}
}

/*
 * Run every indicator pattern once over the whole text, each to its
 * first match, reps times: what PCRE2 alone costs, with no sentences,
 * guards or quotes.
 */
static void
bench_floor_time(const struct prompts *p, const char *text, size_t len,
    int reps, struct bench_samples *s)
{
	const struct match_set	*set;
	size_t			 j, b, e;
	char			*cause = NULL;
	int			 i, k;

	for (k = 0; k < reps; k++) {
		bench_start(s);
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			set = &p->indicators[i].set;
			for (j = 0; j < set->npats; j++) {
				(void)match_pattern_next(&set->pats[j], text,
				    len, 0, &b, &e, &cause);
				free(cause);
				cause = NULL;
			}
		}
		if (!bench_stop(s))
			k = reps;
	}
}

/* How many indicator patterns the prompts hold. */
static size_t
bench_npatterns(const struct prompts *p)
{
	size_t	n = 0;
	int	i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++)
		n += p->indicators[i].set.npats;
	return n;
}

/*
 * Replies: analyse text and keep it, with what it showed, in db, as the
 * conversation does for each answer, reps times; the store_answer_add
 * alone goes to *commit.
 */
static void
bench_reply_time(const struct prompts *p, struct db *db, const char *text,
    size_t len, int reps, struct bench_samples *s,
    struct bench_samples *commit)
{
	struct store_found	 found[FRAMEWORK_NINDICATORS];
	char			*quotes[FRAMEWORK_NINDICATORS];
	struct analysis		 an;
	struct err		 e = { 0 };
	int64_t			 session;
	size_t			 n;
	int			 i, k, more;

	if ((session = store_session_begin(db, "conversation", &e)) == -1)
		fatalx("cannot start a sitting: %s", e.msg);
	for (k = 0; k < reps; k++) {
		bench_start(s);
		analyse_run(p, text, len, &an);
		n = 0;
		for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
			if (!analyse_shown(&an, i))
				continue;
			quotes[n] = analyse_quote(&an, i);
			found[n].indicator = i;
			found[n].quote = quotes[n];
			n++;
		}
		bench_start(commit);
		if (store_answer_add(db, session, k % FRAMEWORK_NAREAS,
		    "prompt", "What did you do?", text, NULL, found, n,
		    &e) == -1)
			fatalx("cannot keep the answer: %s", e.msg);
		more = bench_stop(commit);
		if (!bench_stop(s) || !more)
			k = reps;
		while (n > 0)
			free(quotes[--n]);
		analyse_free(&an);
	}
}

/* bench-analyse analyse PROMPT-DIR TEXT DB */
static int
bench_analyse(const char *dir, const char *path, const char *dbpath)
{
	struct bench_samples	 s, c;
	struct prompts		*p, *pj;
	struct db		*db;
	struct err		 e = { 0 };
	FILE			*f;
	char			*text, *cache;
	size_t			 len;
	int			 i;

	if ((f = fopen(path, "r")) == NULL ||
	    util_read_stream(f, ANALYSE_MAX_TEXT, &text, &len) != 0)
		fatal("%s", path);
	fclose(f);
	memset(&s, 0, sizeof s);
	memset(&c, 0, sizeof c);

	/* Loading, then JIT-compiling a copy of its own. */
	for (i = 0; i < 5; i++) {
		bench_start(&s);
		p = bench_load(dir);
		bench_stop(&s);
		prompts_free(p);
	}
	bench_print("load", &s);
	/* The same through a cache of compiled patterns, once it is written. */
	cache = xasprintf("%s.patterns", dbpath);
	prompts_free(bench_load_cached(dir, cache));
	for (i = 0; i < 5; i++) {
		bench_start(&s);
		p = bench_load_cached(dir, cache);
		bench_stop(&s);
		prompts_free(p);
	}
	bench_print("load_cached", &s);
	(void)unlink(cache);
	free(cache);
	for (i = 0; i < 3; i++) {
		pj = bench_load(dir);
		bench_start(&s);
		prompts_jit(pj);
		bench_stop(&s);
		prompts_free(pj);
	}
	bench_print("jit", &s);
	p = bench_load(dir);
	pj = bench_load(dir);
	prompts_jit(pj);
	printf("patterns %zu\n", bench_npatterns(p));
	printf("bytes %zu\n", len);

	/* The text, as the program analyses it, and the floor. */
	bench_analyse_time(p, text, len, 21, &s);
	bench_print("analyse", &s);
	bench_analyse_time(pj, text, len, 21, &s);
	bench_print("analyse_jit", &s);
	bench_floor_time(p, text, len, 21, &s);
	bench_print("floor", &s);
	bench_floor_time(pj, text, len, 21, &s);
	bench_print("floor_jit", &s);

	/* Replies into a file database, each committed durably. */
	if (db_open(dbpath, DB_WRITE, &db, &e) != 0)
		fatalx("%s", e.msg);
	bench_reply_time(p, db, text, len, 41, &s, &c);
	bench_print("reply", &s);
	bench_print("commit", &c);
	/* As in the conversation once its idle moments JIT-compiled all. */
	bench_reply_time(pj, db, text, len, 41, &s, &c);
	bench_print("reply_jit", &s);
	db_close(db);

	prompts_free(p);
	prompts_free(pj);
	free(text);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "time") == 0)
		return bench_command(0, argc - 2, argv + 2);
	if (argc >= 2 && strcmp(argv[1], "prompt") == 0)
		return bench_command(1, argc - 2, argv + 2);
	if (argc == 5 && strcmp(argv[1], "analyse") == 0)
		return bench_analyse(argv[2], argv[3], argv[4]);
	fprintf(stderr, "usage: bench-analyse analyse PROMPT-DIR TEXT DB\n"
	    "       bench-analyse time|prompt [-n MIN] [-N MAX] [-b SECONDS] "
	    "[-i FILE] [-o FILE] [-f DB] -- COMMAND [ARG]...\n");
	return 2;
}
