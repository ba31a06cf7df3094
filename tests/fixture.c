/*
 * fixture.c: writes a valid prompt folder for tests, and a line source
 * that locks the database while it reads (see fixture.h).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "framework.h"
#include "util.h"

const char *
fixture_word(const char *id)
{
	static char	w[64];
	size_t		n = 0;

	for (; *id != '\0' && n < sizeof w - 1; id++) {
		if (*id != '.' && *id != '-')
			w[n++] = *id;
	}
	w[n] = '\0';
	return w;
}

static void
fixture_put(const char *dir, const char *file, const char *text,
    const char *mode)
{
	char	*path;
	FILE	*f;

	path = xasprintf("%s/%s", dir, file);
	if ((f = fopen(path, mode)) == NULL)
		fatal("%s", path);
	fputs(text, f);
	if (fclose(f) != 0)
		fatal("%s", path);
	free(path);
}

void
fixture_write(const char *dir, const char *file, const char *text)
{
	fixture_put(dir, file, text, "w");
}

void
fixture_append(const char *dir, const char *file, const char *text)
{
	fixture_put(dir, file, text, "a");
}

static void
fixture_indicators(struct buf *b, int area)
{
	const char	*id, *w;
	int		 i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		id = framework_indicators[i].id;
		w = fixture_word(id);
		buf_printf(b, "\n[indicator %s]\ntitle = Title of %s\n"
		    "shown = you showed %s\n"
		    "pattern = \\b%s\\b\ngap = Say more about %s.\n"
		    "probe = What about %s?\nmatch = I did %s here\n"
		    "nomatch = I did not %s\n", id, id, id, w, id, id, w, w);
	}
}

char *
fixture_dir(void)
{
	struct buf	 b = { 0 };
	char		*dir, *file, *text;
	int		 i;

	dir = xstrdup("/tmp/dhcoach-test-XXXXXX");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		buf_printf(&b, "# area %d\n[area]\nid = %s\ntitle = Area %s\n"
		    "dimension = %s\nsummary = About %s.\nprompt = One?\n"
		    "prompt = Two?\nprompt = Three?\n", i,
		    framework_areas[i].id, framework_areas[i].id,
		    framework_dimension_name(framework_areas[i].dimension),
		    framework_areas[i].id);
		fixture_indicators(&b, i);
		text = buf_take(&b);
		file = xasprintf("%s.prompts", framework_areas[i].id);
		fixture_write(dir, file, text);
		free(file);
		free(text);
	}
	fixture_indicators(&b, FRAMEWORK_EVIDENCE);
	text = buf_take(&b);
	fixture_write(dir, "evidence.prompts", text);
	free(text);
	fixture_write(dir, "cues.prompts", "[cue negation]\ndefault = yes\n"
	    "window = 3\npattern = \\bnot\\b\n\n[cue hedge]\ndefault = no\n"
	    "pattern = \\bwould\\b\n\n[scale]\n1 = one\n2 = two\n3 = three\n"
	    "4 = four\n5 = five\n");
	fixture_write(dir, "plan.prompts", "[plan]\nintro = Plan intro.\n"
	    "offer = Shall we plan?\nnudge = Make it specific.\n"
	    "ask-action = What will you do?\nask-measure = How will you know?\n"
	    "ask-due = By when?\nask-support = Who will support you?\n"
	    "ask-area = Which area?\nvague = \\bbetter\\b\n"
	    "match = be better at it\nnomatch = run a pilot on ward 7\n");
	fixture_write(dir, "replies.prompts", "[replies]\n"
	    "shown = That shows {list}.\nshown = Also, that shows {list}.\n"
	    "none = You said: \"{quote}\". Tell me about {gap}.\n"
	    "next = Next: {suggestion}\ncomplete = All of {area} is covered.\n"
	    "fits = {rating} fits {shown} of {total}.\n"
	    "high = {rating} is high for {shown} of {total}.\n"
	    "low = {rating} is low for {shown} of {total}.\n");
	fixture_write(dir, "readiness.prompts", "[readiness]\nmin-rating = 3\n"
	    "min-shown = 2\nrequire = ev.example\nintro = Intro.\n"
	    "strengths = Strengths:\nthin = Thin:\nnext = Next steps:\n"
	    "none = Nothing discussed yet.\n");
	return dir;
}

void
fixture_rm(char *dir)
{
	char	*cmd;

	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fatalx("cannot remove %s", dir);
	free(cmd);
	free(dir);
}

/* Let the lock go, if it is held. */
void
fixture_lock_release(struct fixture_lock *c)
{
	if (c->other == NULL)
		return;
	sqlite3_exec(c->other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(c->other);
	c->other = NULL;
}

/* The next line, taking or letting go of the lock first. */
static char *
fixture_lock_read(struct source *src, const char *prompt)
{
	struct fixture_lock	*c = src->ctx;

	(void)prompt;
	if (c->sl.next == c->lock_at && (sqlite3_open(c->path, &c->other) !=
	    SQLITE_OK || sqlite3_exec(c->other, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL) != SQLITE_OK))
		fatalx("cannot lock the test database %s", c->path);
	if (c->sl.next == c->release_at)
		fixture_lock_release(c);
	if (c->sl.next >= c->sl.n)
		return NULL;
	src->nread++;
	return xstrdup(c->sl.lines[c->sl.next++]);
}

void
fixture_lock_init(struct source *src, struct fixture_lock *c,
    const char *path, const char *const *lines, size_t n, size_t lock_at,
    size_t release_at)
{
	memset(src, 0, sizeof *src);
	memset(c, 0, sizeof *c);
	c->sl.lines = lines;
	c->sl.n = n;
	c->path = path;
	c->lock_at = lock_at;
	c->release_at = release_at;
	src->read = fixture_lock_read;
	src->ctx = c;
}
