/*
 * repl.h: the conversation in a terminal: GNU readline, completion,
 * command history, Ctrl-C, colour and wrapping; or plain lines when
 * standard input is not a terminal, so a session can be scripted.
 *
 * On a terminal: rl_readline_name is "dhcoach" (for $if dhcoach in
 * ~/.inputrc); Tab completes slash commands and area ids; Ctrl-C clears
 * the line being typed and asks again; Ctrl-D saves and leaves.  Only
 * commands go to the history file ($XDG_STATE_HOME/dhcoach/history, mode
 * 0600, appended to, never rewritten); answers are personal and live in
 * the database alone.
 *
 * Ownership: nothing here outlives repl_run.
 */
#ifndef DHCOACH_REPL_H
#define DHCOACH_REPL_H

struct cmd_ctx;

/*
 * Run a coaching session from area start (or -1: offer to carry on from
 * last time).  Returns an exit status of cmd.h.
 */
int repl_run(struct cmd_ctx *, int start);

struct converse_source;

/*
 * Set up src to read lines from standard input: with readline (no
 * history file, no completion) on a terminal, else plain lines.  For
 * commands that ask a few questions, such as "plan add".
 */
void repl_source(struct converse_source *src);

/* The history file's path: a new string. */
char *repl_history_path(void);

#endif
