/*
 * cmd-readiness.c: "dhcoach readiness": am I ready to apply?
 *
 * Gathers the running picture, judges each area by the [readiness] rule
 * of the prompt files (readiness.c) and writes the summary as text,
 * Markdown or JSON.  It reads the database only.  The sittings that
 * end with the summary print it through cmd_readiness_print.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd-readiness.h"
#include "cmd.h"
#include "coach.h"
#include "picture.h"
#include "readiness.h"
#include "render-readiness.h"
#include "store-picture.h"
#include "util.h"

static const struct cmd_option cmd_readiness_options[] = {
	{ 'f', "format", "FMT", "text (the default), md or json" },
	{ 'o', "output", "FILE", "write to FILE instead of standard output" },
	{ 0, NULL, NULL, NULL }
};

/* Judge the gathered picture by the [readiness] rule and write it to f. */
static void
cmd_readiness_render(FILE *f, enum render_readiness_format fmt,
    const struct prompts *p, const struct picture *pic, int width)
{
	struct readiness	r;
	struct coach		coach;

	readiness_compute(p, pic, &r);
	coach_init(&coach, p);
	render_readiness(f, fmt, p, pic, &r, &coach, width);
}

/* Print the summary after a sitting; see cmd-readiness.h. */
int
cmd_readiness_print(const struct prompts *p, struct db *db, struct err *e)
{
	struct picture	pic;
	int		rc = 0;

	picture_init(&pic);
	if (store_picture(db, &pic, e) != 0)
		rc = -1;
	else {
		fputc('\n', stdout);
		cmd_readiness_render(stdout, RENDER_READINESS_TEXT, p, &pic,
		    cmd_width());
	}
	picture_free(&pic);
	return rc;
}

/* dhcoach readiness [--format text|md|json] [-o FILE] */
static int
cmd_readiness_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	enum render_readiness_format	 fmt = RENDER_READINESS_TEXT;
	struct picture			 pic;
	struct cmd_output		 o;
	struct prompts			*p = NULL;
	struct db			*db = NULL;
	const char			*v;
	int				 rc = -1;

	if ((v = cmd_arg(args, 'f')) != NULL &&
	    render_readiness_format_parse(v, &fmt) != 0)
		return err_set(e, ERR_USAGE, "there is no format "
		    "'%s' (text, md or json)", v);
	picture_init(&pic);
	if (cmd_prompts(ctx, 0, &p, e) != 0 ||
	    cmd_open_db(ctx, DB_READ, &db, e) != 0 ||
	    (db != NULL && store_picture(db, &pic, e) != 0) ||
	    cmd_output_open(&o, cmd_arg(args, 'o'), e) != 0)
		goto out;
	cmd_readiness_render(o.f, fmt, p, &pic, o.path != NULL ? 80 :
	    cmd_width());
	rc = cmd_output_close(&o, 1, e);
out:
	picture_free(&pic);
	db_close(db);
	prompts_free(p);
	return rc;
}

const struct cmd_entry cmd_readiness_entry = {
	"readiness", "[--format text|md|json] [-o FILE]",
	"am I ready to apply? where you have experience to build on, and what "
	"would most strengthen an application",
	cmd_readiness_options, 0, 0, 0, cmd_readiness_exec, NULL
};
