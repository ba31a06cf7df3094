/*
 * questionnaire.c: the skills self-report questionnaire (see
 * questionnaire.h).
 *
 * Invariants: each rating is committed the moment it is given; an area
 * is asked again only after /back; an example typed before its rating is
 * kept and saved once the rating is given, never dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "framework.h"
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

/* Keep an example of area a as an answer, with the evidence it shows. */
static int
questionnaire_example(struct questionnaire *q, int a, const char *text,
    struct err *e)
{
	struct store_found	 found[FRAMEWORK_NINDICATORS];
	char			*quotes[FRAMEWORK_NINDICATORS];
	struct analysis		 an;
	size_t			 n = 0, k;
	int			 i, rc = 0;

	if (text_check(text, strlen(text), ANALYSE_MAX_TEXT, "example", 1,
	    ERR_INPUT, e) != 0) {
		questionnaire_say(q, e->msg);
		err_clear(e);
		return 0;
	}
	analyse_run(q->p, text, strlen(text), &an);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (!analyse_shown(&an, i))
			continue;
		quotes[n] = analyse_quote(&an, i);
		found[n].indicator = i;
		found[n].quote = quotes[n];
		n++;
	}
	if (store_answer_add(q->db, q->session, a, "prompt",
	    QUESTIONNAIRE_EXAMPLE, text, NULL, found, n, e) == -1)
		rc = -1;
	for (k = 0; k < n; k++)
		free(quotes[k]);
	analyse_free(&an);
	return rc;
}

/* On a terminal, offer to add a one-line example for area a. */
static int
questionnaire_ask_example(struct questionnaire *q, int a, struct err *e)
{
	char	*line;
	int	 rc;

	if (q->example != NULL) {
		rc = questionnaire_example(q, a, q->example, e);
		free(q->example);
		q->example = NULL;
		return rc;
	}
	if (!q->src->interactive)
		return 0;
	questionnaire_say(q, "An example in a line, if one comes to mind "
	    "(press Enter to go on):");
	if ((line = source_read(q->src, "> ")) == NULL)
		return 0;
	if (*text_trim(line) != '\0' && *text_trim(line) != '/')
		rc = questionnaire_example(q, a, text_trim(line), e);
	else {
		if (*text_trim(line) == '/')
			source_unread(q->src, xstrdup(text_trim(line)));
		rc = 0;
	}
	free(line);
	return rc;
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
	int	 n;

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
			if (store_rating_set(q->db, q->session, a, n, e) != 0)
				return -1;
			q->rated[a] = n;
			*step = QUESTIONNAIRE_RATED;
			return questionnaire_ask_example(q, a, e);
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

/* Run the questionnaire; see questionnaire.h. */
int
questionnaire_run(const struct prompts *p, struct db *db, struct source *src,
    FILE *out, int width, int *rated, int *unused, struct err *e)
{
	struct questionnaire	q;
	enum questionnaire_step	step = QUESTIONNAIRE_RATED;
	int			a = 0, rc = 0, i;

	memset(&q, 0, sizeof q);
	q.p = p;
	q.db = db;
	q.src = src;
	q.out = out;
	q.width = width;
	if ((q.session = store_session_begin(db, "questionnaire", e)) == -1)
		return -1;
	questionnaire_intro(&q);
	while (a < FRAMEWORK_NAREAS && step != QUESTIONNAIRE_END) {
		questionnaire_show(&q, a);
		if ((rc = questionnaire_area(&q, a, &step, e)) != 0)
			break;
		a = step == QUESTIONNAIRE_BACK ? (a > 0 ? a - 1 : 0) : a + 1;
	}
	free(q.example);
	*rated = 0;
	for (i = 0; i < FRAMEWORK_NAREAS; i++)
		*rated += q.rated[i] != 0;
	*unused = q.unused;
	if (rc == 0 && store_session_end(db, q.session, e) != 0)
		err_clear(e);
	return rc;
}
