/*
 * source.h: where the lines a person types come from.
 *
 * The conversation, the questionnaire and the guided plan questions read
 * lines through a struct source, never from stdin or readline directly:
 * repl.c provides one on a terminal (readline) or a pipe (plain lines),
 * tests provide a list of lines.  A line can be pushed back
 * (source_unread) so that it is read again by the next question: that is
 * how text typed at the wrong prompt is kept, never dropped.
 *
 * interactive is set when a person is at a terminal: only then may a
 * question be asked that is not an answer or a command (yes/no, carry
 * on?), because from a pipe every line is an answer or a command.
 *
 * Ownership: a source owns the lines pushed back to it (source_free
 * frees them); each line read is a new string the caller frees.
 */
#ifndef DHCOACH_SOURCE_H
#define DHCOACH_SOURCE_H

#include <stddef.h>

struct source {
	/*
	 * Read one line, without its newline, showing prompt where the
	 * source shows prompts.  Returns a new string, or NULL at the end
	 * of input.
	 */
	char	*(*read)(struct source *, const char *prompt);
	/*
	 * Let the person edit the file at path in their editor.  Returns 0
	 * when the editor finished cleanly, or -1 with *cause set to a new
	 * sentence to show them.  NULL when the source has no editor.
	 */
	int	 (*edit)(struct source *, const char *path, char **cause);
	void	 *ctx;
	int	  interactive;	/* a person at a terminal */
	int	  nul;		/* the last line read held a NUL byte (cut there) */
	char	**pending;	/* pushed back, read last first */
	size_t	  npending;
	size_t	  nread;	/* lines read from the input itself */
	/*
	 * Work to do while the person has not pressed a key: called in
	 * slices of a few milliseconds until it returns 0 (nothing left).
	 * Only a terminal source calls it; NULL for none.
	 */
	int	 (*idle)(void *);
	void	 *idle_arg;
};

/*
 * What read returns when the person pressed Ctrl-C on an empty line: a
 * question in progress (the guided plan) stops, keeping what was typed.
 */
#define SOURCE_INTERRUPT	"\003"

/* Read a line: the last one pushed back, else from the input. */
char *source_read(struct source *, const char *prompt);
/* Push line back (the source takes it) to be read next. */
void source_unread(struct source *, char *line);
/* Free the lines pushed back. */
void source_free(struct source *);

/*
 * A source over a fixed list of lines (for tests): not interactive, no
 * editor.  lines must outlive it; each read returns a copy.  The input
 * ends after n lines, or at a NULL among them.
 */
struct source_lines {
	const char *const	*lines;
	size_t			 n;
	size_t			 next;
};
void source_lines_init(struct source *, struct source_lines *,
    const char *const *lines, size_t n);

#endif
