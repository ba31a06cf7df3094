/*
 * repl.h: the line source on standard input: GNU readline on a
 * terminal, plain lines from a pipe, so that a sitting can be scripted.
 *
 * On a terminal: rl_readline_name is "dhcoach" (for $if dhcoach in
 * ~/.inputrc); Tab completes the words given (slash commands, and area
 * ids after the commands that take one); Ctrl-C clears the line being
 * typed and asks again; Ctrl-D ends the input.  With history set, only
 * commands go to the history file ($XDG_STATE_HOME/dhcoach/history,
 * mode 0600, appended to, never rewritten): answers are personal and
 * live in the database alone.  /edit runs $VISUAL or $EDITOR on a file
 * the caller names.  While waiting for a key, the source's idle work
 * (source.h) runs in slices, one each time no key has come for 50 ms.
 * From a pipe: no prompt, no echo, no editor, no idle work.
 *
 * readline is global state: one repl source at a time.
 *
 * Ownership: the word lists are borrowed and must outlive the source.
 */
#ifndef DHCOACH_REPL_H
#define DHCOACH_REPL_H

#include "source.h"

/* What Tab completes. */
struct repl_words {
	const char *const	*commands;	/* "/help", ...; NULL-terminated */
	const char *const	*area_commands;	/* "/goto", ...: an area follows */
	const char *const	*areas;		/* area ids */
};

/*
 * Set up src on standard input.  words may be NULL (no completion);
 * with history set, slash commands are kept in the history file.
 */
void repl_source_init(struct source *src, const struct repl_words *words,
    int history);
/* Restore the terminal's signal handling and free what src holds. */
void repl_source_free(struct source *src);

/* The history file's path: a new string, or NULL with no home folder. */
char *repl_history_path(void);

#endif
