/*
 * repl.c: the line source on standard input: readline on a terminal,
 * plain lines from a pipe (see repl.h).
 *
 * Ctrl-C: SIGINT stays blocked except while readline waits for a key,
 * inside ppoll (repl_getc), so it can never slip in between the check and
 * the wait.  Its handler only sets a flag; repl_getc then, in readline's
 * own context, drops a half-typed line and draws a fresh prompt, or, on
 * an empty line, finishes it so that the read returns SOURCE_INTERRUPT.
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

#include "repl.h"
#include "util.h"

/* Lines kept in the history file. */
#define REPL_HISTORY_MAX	500
/* How long without a key before a slice of idle work: 50 ms. */
#define REPL_IDLE_TICK_NS	50000000L

static volatile sig_atomic_t	 repl_sigint;
static int			 repl_interrupted;
static char			*repl_history_file;
static const struct repl_words	*repl_words;
static struct source		*repl_src;	/* the terminal source */
static sigset_t			 repl_saved_mask;
static struct sigaction		 repl_saved_action;

/* Note a Ctrl-C; repl_getc acts on it. */
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
	fputs("^C", rl_outstream);
	rl_free_line_state();
	rl_replace_line("", 0);
	rl_crlf();
	rl_on_new_line();
	rl_redisplay();
}

/*
 * readline's getc: wait for a key with SIGINT unblocked only during the
 * wait, acting on Ctrl-C between keys, and doing a slice of the source's
 * idle work whenever no key has come for a tick.
 */
static int
repl_getc(FILE *in)
{
	const struct timespec	tick = { 0, REPL_IDLE_TICK_NS };
	struct pollfd		pfd;
	sigset_t		waiting;
	int			idle, r;

	pfd.fd = fileno(in);
	pfd.events = POLLIN;
	for (;;) {
		if (repl_sigint) {
			repl_sigint = 0;
			if (rl_end == 0) {
				/* An empty line: finish it as an interrupt. */
				repl_interrupted = 1;
				fputs("^C", rl_outstream);
				return '\n';
			}
			repl_cancel_line();
			continue;
		}
		sigprocmask(SIG_SETMASK, NULL, &waiting);
		sigdelset(&waiting, SIGINT);
		idle = repl_src != NULL && repl_src->idle != NULL;
		if ((r = ppoll(&pfd, 1, idle ? &tick : NULL, &waiting)) == -1) {
			if (errno == EINTR)
				continue;
			return EOF;
		}
		if (r == 0) {
			/* No key for a while: a slice of the idle work. */
			if (repl_src->idle(repl_src->idle_arg) == 0)
				repl_src->idle = NULL;
			continue;
		}
		return rl_getc(in);
	}
}

/* Offer the words that fit: commands at the start, areas after some. */
static char *
repl_generate(const char *text, int state)
{
	static size_t		 i;
	static const char *const *list;
	size_t			 len = strlen(text);
	const char		*w;
	size_t			 k, n;

	if (state == 0) {
		i = 0;
		list = repl_words->commands;
		for (k = 0; repl_words->area_commands != NULL &&
		    repl_words->area_commands[k] != NULL; k++) {
			n = strlen(repl_words->area_commands[k]);
			if (strncmp(rl_line_buffer, repl_words->area_commands[k],
			    n) == 0 && rl_line_buffer[n] == ' ')
				list = repl_words->areas;
		}
	}
	while (list != NULL && (w = list[i]) != NULL) {
		i++;
		if (strncmp(w, text, len) == 0)
			return xstrdup(w);
	}
	return NULL;
}

/* readline's completion entry; never falls back to file names. */
static char **
repl_complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	if (repl_words == NULL)
		return NULL;
	if ((start == 0 && text[0] == '/') || start > 0)
		return rl_completion_matches(text, repl_generate);
	return NULL;
}

/* The history file: $XDG_STATE_HOME/dhcoach/history or ~/.local/state/... */
char *
repl_history_path(void)
{
	char	*state, *path;

	if ((state = util_state_dir()) == NULL)
		return NULL;
	path = xasprintf("%s/history", state);
	free(state);
	return path;
}

/* Load the command history; a missing or unwritable one is no error. */
static void
repl_history_open(void)
{
	char	*dir, *slash;
	int	 fd = -1;

	using_history();
	stifle_history(REPL_HISTORY_MAX);
	if ((repl_history_file = repl_history_path()) == NULL)
		return;
	dir = xstrdup(repl_history_file);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	if (util_mkdirs(dir, 0700) == 0)
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
	char	*copy;
	size_t	 len;

	/* Completion leaves a space after a word; history need not. */
	copy = xstrdup(line);
	len = strlen(copy);
	while (len > 0 && copy[len - 1] == ' ')
		copy[--len] = '\0';
	add_history(copy);
	if (repl_history_file != NULL &&
	    append_history(1, repl_history_file) == 0)
		history_truncate_file(repl_history_file, REPL_HISTORY_MAX);
	free(copy);
}

/* Read a line with readline. */
static char *
repl_read_terminal(struct source *src, const char *prompt)
{
	char	*line, *copy;

	repl_interrupted = 0;
	if ((line = readline(prompt)) == NULL) {
		fputc('\n', stdout);
		return NULL;
	}
	copy = xstrdup(repl_interrupted ? SOURCE_INTERRUPT : line);
	free(line);
	if (copy[0] == '/' && src->ctx != NULL)
		repl_history_add(copy);
	return copy;
}

/* Read a plain line from standard input, with no prompt and no echo. */
static char *
repl_read_plain(struct source *src, const char *prompt)
{
	char	*line = NULL;
	size_t	 size = 0;
	ssize_t	 n;

	(void)prompt;
	fflush(stdout);
	if ((n = getline(&line, &size, stdin)) == -1) {
		free(line);
		return NULL;
	}
	src->nul = memchr(line, '\0', (size_t)n) != NULL;
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

/* Run $VISUAL or $EDITOR on path; see source.h. */
static int
repl_edit(struct source *src, const char *path, char **cause)
{
	const char	*editor;
	char		*command;
	sigset_t	 unblock;
	pid_t		 pid;
	int		 status;

	(void)src;
	if ((editor = getenv("VISUAL")) == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0') {
		*cause = xstrdup("Set VISUAL or EDITOR to the editor you like "
		    "(for example: export EDITOR=nano), then try /edit again.");
		return -1;
	}
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
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = xasprintf("The editor (%s) did not finish cleanly, so "
		    "nothing was added; what you wrote is kept in %s.", editor,
		    path);
		return -1;
	}
	return 0;
}

/* Set up the terminal: completion, Ctrl-C, and perhaps the history. */
static void
repl_terminal(int history)
{
	struct sigaction	sa;
	sigset_t		block;

	rl_readline_name = "dhcoach";
	rl_attempted_completion_function = repl_complete;
	rl_catch_signals = 0;
	rl_getc_function = repl_getc;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = repl_on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &repl_saved_action);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, &repl_saved_mask);
	if (history)
		repl_history_open();
}

/* Set up a line source on standard input; see repl.h. */
void
repl_source_init(struct source *src, const struct repl_words *words,
    int history)
{
	memset(src, 0, sizeof *src);
	if (!isatty(STDIN_FILENO)) {
		src->read = repl_read_plain;
		return;
	}
	repl_words = words;
	src->read = repl_read_terminal;
	src->edit = repl_edit;
	src->interactive = 1;
	src->ctx = history ? src : NULL;
	repl_src = src;
	repl_terminal(history);
}

/* Restore the terminal's signal handling; see repl.h. */
void
repl_source_free(struct source *src)
{
	if (src->interactive) {
		sigprocmask(SIG_SETMASK, &repl_saved_mask, NULL);
		sigaction(SIGINT, &repl_saved_action, NULL);
	}
	source_free(src);
	free(repl_history_file);
	repl_history_file = NULL;
	repl_words = NULL;
	repl_src = NULL;
}
