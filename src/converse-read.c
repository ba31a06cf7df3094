/*
 * converse-read.c: reading what the candidate types for the question
 * being asked: an answer, a rating, yes or no, or a slash command run
 * in its place (converse-cmd.c).
 *
 * Invariants: a command, valid or not, never discards what the
 * candidate has entered, and the question is asked again after it.
 * Text typed where a rating or yes/no was expected is pushed back and
 * taken as the answer, never dropped.  A piped line that cannot be used
 * is counted, never skipped in silence.
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "converse-int.h"
#include "recover.h"
#include "text.h"
#include "util.h"

/* Count the piped line being handled as not used, remembering the first. */
void
converse_read_unused(struct converse *c)
{
	const char	*line = c->line != NULL ? c->line : "";

	if (c->src->interactive)
		return;
	c->res->unused_lines++;
	if (c->unused_first == NULL) {
		c->unused_first = util_squeeze(line, strlen(line), 40);
		c->unused_line = c->src->nread;
	}
}

/*
 * A line that is not a command, read where a rating is wanted: the
 * rating, or (an answer typed first) pushed back to be the answer.
 */
static int
converse_read_rating(struct converse *c, const char *s)
{
	int	n;

	if ((n = text_rating(s)) > 0) {
		converse_rate(c, c->current, n);
		return CONVERSE_RATED;
	}
	if (!c->src->interactive || text_is_answer(s)) {
		source_unread(c->src, xstrdup(s));
		return CONVERSE_DEFER;
	}
	converse_say(c, "Please type a number from 1 to 5 (\"about 3\" is "
	    "fine), or /skip to leave it for now.");
	return CONVERSE_AGAIN;
}

/* A line over the size limit: kept in a file of its own, not as an answer. */
static int
converse_read_too_long(struct converse *c, const char *s)
{
	struct err	 e = { 0 };
	char		*path = NULL;

	free(c->line);
	c->line = util_squeeze(s, 40, 40);
	converse_read_unused(c);
	if (c->opt->recover_dir != NULL && recover_keep(c->opt->recover_dir,
	    s, &path, &e) == 0) {
		converse_sayf(c, "That answer is longer than 1 MiB, which is more "
		    "than I can take in one go. I have kept it in %s: please "
		    "give me its main points in a shorter answer.", path);
		free(path);
	} else {
		converse_sayf(c, "That answer is longer than 1 MiB, which is more "
		    "than I can take in one go, and I could not keep a copy (%s): "
		    "please give me its main points in a shorter answer.",
		    e.msg != NULL ? e.msg : "no home folder");
		err_clear(&e);
	}
	return CONVERSE_AGAIN;
}

/* Read a line for the question being asked, running slash commands. */
int
converse_read(struct converse *c, enum converse_ask ask, char **line)
{
	char	*raw, *s;
	int	 r;

	*line = NULL;
	for (;;) {
		c->ask = ask;
		c->src->nul = 0;
		if ((raw = source_read(c->src, "> ")) == NULL)
			return CONVERSE_EOF;
		if (strcmp(raw, SOURCE_INTERRUPT) == 0 || c->src->nul) {
			if (c->src->nul) {
				converse_say(c, "That line held a NUL byte, "
				    "which I can't keep: please type it again.");
				free(c->line);
				c->line = util_squeeze(raw, strlen(raw), 40);
				converse_read_unused(c);
			}
			free(raw);
			continue;
		}
		s = text_trim(raw);
		free(c->line);
		c->line = xstrdup(s);
		if (*s == '\0' && ask != CONVERSE_ASK_KEEP &&
		    ask != CONVERSE_ASK_REPLY) {
			free(raw);
			continue;
		}
		if (*s == '/')
			r = converse_cmd_run(c, s);
		else if ((ask == CONVERSE_ASK_RATING ||
		    ask == CONVERSE_ASK_KEEP) && *s != '\0')
			r = converse_read_rating(c, s);
		else if (strlen(s) > ANALYSE_MAX_TEXT)
			r = converse_read_too_long(c, s);
		else {
			*line = xstrdup(s);
			r = CONVERSE_LINE;
		}
		free(raw);
		if (r == CONVERSE_LINE && c->edited != NULL) {
			free(*line);
			*line = c->edited;
			c->edited = NULL;
		}
		if (r == CONVERSE_AGAIN)
			continue;
		return r;
	}
}

/*
 * Read a reply to a yes/no question: 1 yes (or Enter), 0 no; text that
 * is clearly an answer is left in *answer.  Commands run as anywhere.
 */
int
converse_read_yesno(struct converse *c, char **answer, int *yes)
{
	char	*line;
	int	 r;

	*answer = NULL;
	for (;;) {
		if ((r = converse_read(c, CONVERSE_ASK_REPLY, &line)) !=
		    CONVERSE_LINE)
			return r;
		switch (text_yesno(line)) {
		case TEXT_YES:
		case TEXT_EMPTY:
			*yes = 1;
			break;
		case TEXT_NO:
			*yes = 0;
			break;
		default:
			if (text_is_answer(line)) {
				*answer = line;
				*yes = 1;
				return CONVERSE_LINE;
			}
			free(line);
			converse_say(c, "Please answer yes or no.");
			continue;
		}
		free(line);
		return CONVERSE_LINE;
	}
}
