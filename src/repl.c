/*
 * repl.c: readline and plain line sources for the conversation (see
 * repl.h).
 *
 * Ctrl-C: SIGINT stays blocked except while readline waits for a key,
 * inside ppoll (repl_getc), so it can never slip in between the check and
 * the wait.  Its handler only sets a flag; repl_getc then drops the
 * half-typed line and draws a fresh prompt, in readline's own context.
 * readline's own signal handling of SIGINT is off (rl_catch_signals = 0).
 */
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmd.h"
#include "converse.h"
#include "framework.h"
#include "prompts.h"
#include "repl.h"
#include "store.h"
#include "util.h"

/* Lines kept in the history file. */
#define REPL_HISTORY_MAX	500

static volatile sig_atomic_t	 repl_sigint;
static char			*repl_history_file;

/* Note a Ctrl-C; the event hook acts on it. */
static void
repl_on_sigint(int sig)
{
	(void)sig;
	repl_sigint = 1;
}

/* Drop the half-typed line after Ctrl-C and prompt afresh. */
static void
repl_cancel_line(void)
{
	repl_sigint = 0;
	fputs("^C", rl_outstream);
	rl_free_line_state();
	rl_replace_line("", 0);
	rl_crlf();
	rl_on_new_line();
	rl_redisplay();
}

/*
 * readline's getc: wait for a key with SIGINT unblocked only during the
 * wait, acting on Ctrl-C between keys.
 */
static int
repl_getc(FILE *in)
{
	struct pollfd	pfd;
	sigset_t	waiting;

	pfd.fd = fileno(in);
	pfd.events = POLLIN;
	for (;;) {
		if (repl_sigint) {
			repl_cancel_line();
			continue;
		}
		sigprocmask(SIG_SETMASK, NULL, &waiting);
		sigdelset(&waiting, SIGINT);
		if (ppoll(&pfd, 1, NULL, &waiting) == -1) {
			if (errno == EINTR)
				continue;
			return EOF;
		}
		return rl_getc(in);
	}
}

/* Offer slash commands, then area ids after /goto. */
static char *
repl_generate(const char *text, int state)
{
	static size_t	 i;
	static int	 areas;
	size_t		 len = strlen(text);
	const char	*name;

	if (state == 0) {
		i = 0;
		areas = strncmp(rl_line_buffer, "/goto ", 6) == 0;
	}
	if (areas) {
		while (i < FRAMEWORK_NAREAS) {
			name = framework_areas[i++].id;
			if (strncmp(name, text, len) == 0)
				return xstrdup(name);
		}
		return NULL;
	}
	while (converse_commands[i].name != NULL) {
		name = converse_commands[i++].name;
		if (len >= 1 && text[0] == '/' &&
		    strncmp(name, text + 1, len - 1) == 0)
			return xasprintf("/%s", name);
	}
	return NULL;
}

/* readline's completion entry: commands at the start, areas after /goto. */
static char **
repl_complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	if (start == 0 && text[0] == '/')
		return rl_completion_matches(text, repl_generate);
	if (strncmp(rl_line_buffer, "/goto ", 6) == 0 && start >= 6)
		return rl_completion_matches(text, repl_generate);
	return NULL;
}

/* Create a folder and its missing parents, 0700. */
static int
repl_mkdirs(const char *path)
{
	char	*p, *s;
	int	 rc = 0;

	p = xstrdup(path);
	for (s = p + 1; *s != '\0' && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0700) != 0 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

/* The history file: $XDG_STATE_HOME/dhcoach/history or ~/.local/state/... */
char *
repl_history_path(void)
{
	const char	*state = getenv("XDG_STATE_HOME");
	const char	*home = getenv("HOME");

	if (state != NULL && state[0] == '/')
		return xasprintf("%s/dhcoach/history", state);
	if (home == NULL || *home == '\0')
		return NULL;
	return xasprintf("%s/.local/state/dhcoach/history", home);
}

/* Load the command history; a missing or unwritable one is no error. */
static void
repl_history_open(void)
{
	char	*dir, *slash;
	int	 fd;

	using_history();
	stifle_history(REPL_HISTORY_MAX);
	if ((repl_history_file = repl_history_path()) == NULL)
		return;
	dir = xstrdup(repl_history_file);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	fd = -1;
	if (repl_mkdirs(dir) == 0)
		fd = open(repl_history_file, O_WRONLY | O_CREAT | O_APPEND |
		    O_NOFOLLOW | O_CLOEXEC, 0600);
	free(dir);
	if (fd == -1) {
		free(repl_history_file);
		repl_history_file = NULL;
		return;
	}
	close(fd);
	read_history(repl_history_file);
}

/* Add a command to the history, appending it to the file. */
static void
repl_history_add(const char *line)
{
	add_history(line);
	if (repl_history_file == NULL)
		return;
	if (append_history(1, repl_history_file) == 0)
		history_truncate_file(repl_history_file, REPL_HISTORY_MAX);
}

/* Read a line with readline. */
static char *
repl_read_terminal(struct converse_source *src, const char *prompt)
{
	char	*line, *copy;
	size_t	 len;

	(void)src;
	if ((line = readline(prompt)) == NULL) {
		fputc('\n', stdout);
		return NULL;
	}
	copy = xstrdup(line);
	free(line);
	if (copy[0] == '/') {
		/* Completion leaves a space after a word; history need not. */
		line = xstrdup(copy);
		line[strcspn(line, "\n")] = '\0';
		len = strlen(line);
		while (len > 0 && line[len - 1] == ' ')
			line[--len] = '\0';
		repl_history_add(line);
		free(line);
	}
	return copy;
}

/* Read a plain line from standard input, with no prompt and no echo. */
static char *
repl_read_plain(struct converse_source *src, const char *prompt)
{
	char	*line = NULL;
	size_t	 size = 0;
	ssize_t	 n;

	(void)src;
	(void)prompt;
	fflush(stdout);
	if ((n = getline(&line, &size, stdin)) == -1) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

/* Compose an answer in $VISUAL or $EDITOR; see converse.h. */
static char *
repl_edit(struct converse_source *src, char **cause)
{
	const char	*editor, *tmp;
	char		*path, *command, *text = NULL;
	size_t		 len;
	FILE		*f = NULL;
	sigset_t	 unblock;
	pid_t		 pid;
	int		 fd, status;

	if (src->ctx == NULL) {
		*cause = xstrdup("/edit needs a terminal: type or paste your "
		    "answer instead.");
		return NULL;
	}
	if ((editor = getenv("VISUAL")) == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0') {
		*cause = xstrdup("Set VISUAL or EDITOR to the editor you like "
		    "(for example: export EDITOR=nano), then try /edit again.");
		return NULL;
	}
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp != '/')
		tmp = "/tmp";
	path = xasprintf("%s/dhcoach-answer-XXXXXX", tmp);
	if ((fd = mkstemp(path)) == -1) {
		*cause = xasprintf("Cannot make a file for the editor in %s: "
		    "%s.", tmp, strerror(errno));
		free(path);
		return NULL;
	}
	close(fd);
	fflush(stdout);

	/* The editor may carry arguments ("code --wait"): the shell splits it. */
	command = xasprintf("%s \"$1\"", editor);
	if ((pid = fork()) == 0) {
		sigemptyset(&unblock);
		sigaddset(&unblock, SIGINT);
		sigprocmask(SIG_UNBLOCK, &unblock, NULL);
		execl("/bin/sh", "sh", "-c", command, "sh", path, (char *)NULL);
		_exit(127);
	}
	free(command);
	if (pid == -1 || waitpid(pid, &status, 0) == -1 ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		*cause = xasprintf("The editor (%s) did not finish cleanly, so "
		    "nothing was added.", editor);
	else if ((f = fopen(path, "r")) == NULL ||
	    util_read_stream(f, 1024 * 1024, &text, &len) != 0) {
		*cause = xasprintf("Cannot read back what you wrote: %s.",
		    strerror(errno));
		text = NULL;
	}
	if (f != NULL)
		fclose(f);
	unlink(path);
	free(path);
	return text;
}

/* Set up a line source on standard input; see repl.h. */
void
repl_source(struct converse_source *src)
{
	memset(src, 0, sizeof *src);
	src->edit = repl_edit;
	if (isatty(STDIN_FILENO)) {
		rl_readline_name = "dhcoach";
		src->read = repl_read_terminal;
		src->ctx = src;
	} else
		src->read = repl_read_plain;
}

/* Whether to use colour: a terminal, NO_COLOR unset, TERM not dumb. */
static int
repl_colour(void)
{
	const char	*no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (no != NULL && *no != '\0')
		return 0;
	if (term == NULL || strcmp(term, "dumb") == 0)
		return 0;
	return isatty(STDOUT_FILENO);
}

/* Run a session; see repl.h. */
int
repl_run(struct cmd_ctx *ctx, int start)
{
	struct converse_source	 src = { 0 };
	struct converse		 conv;
	struct sigaction	 sa;
	sigset_t		 block, saved;
	struct prompts		*p;
	struct store		*store = NULL;
	char			*cause = NULL, *db;
	int			 rc, tty;

	if ((p = cmd_load_prompts(ctx, NULL)) == NULL)
		return CMD_EXIT_PROMPTS;
	if ((rc = cmd_open_store(ctx, &store)) != CMD_EXIT_OK) {
		prompts_free(p);
		return rc;
	}
	db = ctx->db_path != NULL ? xstrdup(ctx->db_path) :
	    store_default_path();

	/* On a terminal (src.ctx set): completion, history, Ctrl-C. */
	repl_source(&src);
	tty = src.ctx != NULL;
	if (tty) {
		rl_attempted_completion_function = repl_complete;
		rl_catch_signals = 0;
		rl_getc_function = repl_getc;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = repl_on_sigint;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigemptyset(&block);
		sigaddset(&block, SIGINT);
		sigprocmask(SIG_BLOCK, &block, &saved);
		repl_history_open();
	}

	converse_init(&conv, p, store, db, &src, stdout, cmd_width(),
	    repl_colour());
	if (converse_run(&conv, start, &cause) != 0) {
		cmd_warn("%s", cause);
		cmd_warn("everything you entered before this was saved in %s",
		    db);
		free(cause);
		rc = cmd_store_status(store_last_error(store));
		if (rc == CMD_EXIT_OK)
			rc = CMD_EXIT_DB;
	} else
		rc = cmd_finish_output();
	if (tty)
		sigprocmask(SIG_SETMASK, &saved, NULL);
	converse_free(&conv);
	store_close(store);
	prompts_free(p);
	free(db);
	free(repl_history_file);
	repl_history_file = NULL;
	return rc;
}
