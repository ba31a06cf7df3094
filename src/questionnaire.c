/*
 * questionnaire.c: the skills self-report questionnaire (see
 * questionnaire.h).
 *
 * Invariants: each rating is committed the moment it is given; an area
 * is asked again only after /back, or when its rating could not be
 * saved; an example typed before its rating is kept and saved once the
 * rating is given, never dropped.  An example the database refuses is
 * kept safe as the conversation keeps answers (keep.h).
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "framework.h"
#include "keep.h"
#include "questionnaire.h"
#include "store.h"
#include "text.h"
#include "util.h"

/* The question an optional example answers, as history shows it. */
#define QUESTIONNAIRE_EXAMPLE	"An example for the self-report questionnaire " \
	"(optional)"

/* What the reply to an area was. */
enum questionnaire_step {
	QUESTIONNAIRE_RATED,
	QUESTIONNAIRE_SKIP,
	QUESTIONNAIRE_BACK,
	QUESTIONNAIRE_END
};

struct questionnaire {
	const struct prompts	*p;
	struct db		*db;
	struct source		*src;
	FILE			*out;
	int			 width;
	int64_t			 session;
	int			 rated[FRAMEWORK_NAREAS];
	int			 unused;
	char			*example;	/* typed before the rating */
	struct keep		 keep;		/* examples kept safe */
};

/* Print text wrapped to the width. */
static void
questionnaire_say(struct questionnaire *q, const char *text)
{
	util_wrap(q->out, text, 0, 0, q->width);
}

/* The opening: what this is, and the scale. */
static void
questionnaire_intro(struct questionnaire *q)
{
	char	*line;
	int	 i;

	questionnaire_say(q, "The skills self-report questionnaire: rate "
	    "yourself from 1 to 5 in each of the ten skill areas, as the "
	    "programme's application asks. It takes about five minutes, and "
	    "there is nothing to write unless you want to.");
	questionnaire_say(q, "The scale:");
	for (i = 0; i < PROMPTS_SCALE; i++) {
		line = xasprintf("%d  %s", i + 1, q->p->scale[i]);
		util_wrap(q->out, line, 2, 5, q->width);
		free(line);
	}
	questionnaire_say(q, "Type /skip to leave an area for now, /back to "
	    "return to the one before, and /quit to stop; each rating is "
	    "saved as you give it.");
}

/*
 * Keep an example of area a as an answer, with the evidence it shows:
 * in the database, or in the recovery folder when it refuses it.
 */
static void
questionnaire_example(struct questionnaire *q, int a, const char *text)
{
	struct err	 why = { 0 }, nofile = { 0 };
	const char	*path;
	char		*msg = NULL;
	int64_t		 id;

	if (text_check(text, strlen(text), ANALYSE_MAX_TEXT, "example", 1,
	    ERR_INPUT, &why) != 0) {
		questionnaire_say(q, why.msg);
		err_clear(&why);
		return;
	}
	switch (keep_answer(&q->keep, a, "prompt", QUESTIONNAIRE_EXAMPLE, text,
	    NULL, NULL, &id, &path, &why, &nofile)) {
	case KEEP_SAVED:
		break;
	case KEEP_FILED:
		msg = xasprintf("I couldn't save that example just now (%s). It "
		    "is kept safe in %s, and I'll save it as soon as the "
		    "database lets me.", why.msg, path);
		break;
	case KEEP_MEMORY:
		msg = xasprintf("I couldn't save that example just now (%s), "
		    "and I couldn't write it to a file either (%s). I'll keep "
		    "it and try again with your next one.", why.msg,
		    nofile.msg);
		break;
	}
	if (msg != NULL)
		questionnaire_say(q, msg);
	free(msg);
	err_clear(&why);
	err_clear(&nofile);
}

/* Keep the example typed in area a before a rating that never came. */
static void
questionnaire_pending(struct questionnaire *q, int a)
{
	if (q->example == NULL)
		return;
	questionnaire_example(q, a, q->example);
	free(q->example);
	q->example = NULL;
}

/*
 * Save area a's rating n.  On a terminal a refusal is told and the area
 * asked again (returns 1); from a pipe it ends the questionnaire (-1 with
 * *e), since the next line is the next area's.
 */
static int
questionnaire_rate(struct questionnaire *q, int a, int n, struct err *e)
{
	char	*msg;

	if (store_rating_set(q->db, q->session, a, n, e) == 0) {
		q->rated[a] = n;
		return 0;
	}
	if (!q->src->interactive)
		return -1;
	msg = xasprintf("I couldn't save that rating just now (%s). Type it "
	    "again in a moment, or /quit: the ratings before it are saved.",
	    e->msg);
	questionnaire_say(q, msg);
	free(msg);
	err_clear(e);
	return 1;
}

/* On a terminal, offer to add a one-line example for area a. */
static void
questionnaire_ask_example(struct questionnaire *q, int a)
{
	char	*line;

	if (q->example != NULL) {
		questionnaire_pending(q, a);
		return;
	}
	if (!q->src->interactive)
		return;
	questionnaire_say(q, "An example in a line, if one comes to mind "
	    "(press Enter to go on):");
	if ((line = source_read(q->src, "> ")) == NULL)
		return;
	if (*text_trim(line) != '\0' && *text_trim(line) != '/')
		questionnaire_example(q, a, text_trim(line));
	else if (*text_trim(line) == '/')
		source_unread(q->src, xstrdup(text_trim(line)));
	free(line);
}

/* Make sense of a command typed for area a. */
static int
questionnaire_command(struct questionnaire *q, const char *s,
    enum questionnaire_step *step)
{
	if (strcmp(s, "/skip") == 0)
		*step = QUESTIONNAIRE_SKIP;
	else if (strcmp(s, "/back") == 0)
		*step = QUESTIONNAIRE_BACK;
	else if (strcmp(s, "/quit") == 0)
		*step = QUESTIONNAIRE_END;
	else {
		questionnaire_say(q, "Here only /skip, /back and /quit work: "
		    "type a number from 1 to 5 for this area.");
		if (!q->src->interactive)
			q->unused++;
		return 0;
	}
	return 1;
}

/* Ask area a's rating until one is given or the candidate moves. */
static int
questionnaire_area(struct questionnaire *q, int a,
    enum questionnaire_step *step, struct err *e)
{
	char	*line, *s;
	int	 n, r;

	for (;;) {
		if ((line = source_read(q->src, "> ")) == NULL) {
			*step = QUESTIONNAIRE_END;
			return 0;
		}
		s = text_trim(line);
		if (*s == '\0' || (*s == '/' && !questionnaire_command(q, s,
		    step))) {
			free(line);
			continue;
		}
		if (*s == '/') {
			free(line);
			return 0;
		}
		if ((n = text_rating(s)) > 0) {
			free(line);
			if ((r = questionnaire_rate(q, a, n, e)) == 1)
				continue;
			if (r == -1)
				return -1;
			*step = QUESTIONNAIRE_RATED;
			questionnaire_ask_example(q, a);
			return 0;
		}
		if (q->src->interactive && text_is_answer(s) &&
		    q->example == NULL) {
			q->example = xstrdup(s);
			questionnaire_say(q, "Thank you: I'll keep that as your "
			    "example. What rating would you give yourself, 1 to "
			    "5?");
		} else if (q->src->interactive)
			questionnaire_say(q, "Please type a number from 1 to 5 "
			    "(\"about 3\" is fine), or /skip.");
		else
			q->unused++;
		free(line);
	}
}

/* Show area a: its place, title and definition. */
static void
questionnaire_show(struct questionnaire *q, int a)
{
	char	*title;

	title = xasprintf("[%d/%d] %s", a + 1, FRAMEWORK_NAREAS,
	    q->p->areas[a].title);
	fputc('\n', q->out);
	util_wrap(q->out, title, 0, 4, q->width);
	free(title);
	questionnaire_say(q, q->p->areas[a].summary);
	questionnaire_say(q, q->rated[a] != 0 ? "Your rating, 1 to 5 (you "
	    "gave it before; type it again or another):" : "Your rating, 1 to "
	    "5:");
}

/*
 * The end: the examples still queued saved, or said where they wait
 * (-1 with *e, ERR_UNSAVED; keep.h).
 */
static int
questionnaire_flush(struct questionnaire *q, struct err *e)
{
	struct err	why = { 0 };

	if (keep_flush(&q->keep, &why) == 0)
		return 0;
	keep_unsaved(&q->keep, "example", &why, q->out, e);
	err_clear(&why);
	return -1;
}

/* Run the questionnaire; see questionnaire.h. */
int
questionnaire_run(const struct prompts *p, struct db *db, struct source *src,
    FILE *out, int width, const char *recover_dir, int *rated, int *unused,
    struct err *e)
{
	struct questionnaire	q;
	struct err		more = { 0 };
	enum questionnaire_step	step = QUESTIONNAIRE_RATED;
	int			a = 0, rc = 0, i;

	memset(&q, 0, sizeof q);
	q.p = p;
	q.db = db;
	q.src = src;
	q.out = out;
	q.width = width;
	*rated = *unused = 0;
	if ((q.session = store_session_begin(db, "questionnaire", e)) == -1)
		return -1;
	keep_init(&q.keep, p, db, q.session, recover_dir);
	questionnaire_intro(&q);
	while (a < FRAMEWORK_NAREAS && step != QUESTIONNAIRE_END) {
		questionnaire_show(&q, a);
		rc = questionnaire_area(&q, a, &step, e);
		questionnaire_pending(&q, a);	/* the area left unrated */
		if (rc != 0)
			break;
		a = step == QUESTIONNAIRE_BACK ? (a > 0 ? a - 1 : 0) : a + 1;
	}
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		*rated += q.rated[i] != 0;
	*unused = q.unused;
	/* The first failure is the one told. */
	if (questionnaire_flush(&q, rc == 0 ? e : &more) != 0)
		rc = -1;
	err_clear(&more);
	if (rc == 0 && store_session_end(db, q.session, e) != 0)
		err_clear(e);
	keep_free(&q.keep);
	return rc;
}
