/*
 * cmd-help.c: "dhcoach help [COMMAND]": the whole --help text, or one
 * command's usage and options, from the rows of main's table.
 */
#include <stdio.h>

#include "cmd.h"
#include "util.h"

/* dhcoach help [COMMAND] */
static int
cmd_help_exec(struct cmd_ctx *ctx, const struct cmd_args *args,
    struct err *e)
{
	const struct cmd_entry	*c;
	const char		*near;

	if (args->argc == 0) {
		ctx->usage(stdout, cmd_width());
		return cmd_finish(e);
	}
	if ((c = cmd_find(ctx->table, args->argv[0], &near)) == NULL) {
		if (near != NULL)
			return err_set(e, ERR_USAGE, "there is no command "
			    "'%s'; did you mean '%s'?", args->argv[0], near);
		return err_set(e, ERR_USAGE, "there is no command '%s' "
		    "('dhcoach help' lists them)", args->argv[0]);
	}
	if (args->argc == 2 && c->subs != NULL) {
		const struct cmd_entry	*sub;

		if ((sub = cmd_find(c->subs, args->argv[1], &near)) == NULL)
			return err_set(e, ERR_USAGE, "%s: there is no '%s'%s%s%s "
			    "(see 'dhcoach help %s')", c->name, args->argv[1],
			    near != NULL ? "; did you mean '" : "",
			    near != NULL ? near : "", near != NULL ? "'?" : "",
			    c->name);
		c = sub;
	} else if (args->argc == 2)
		return err_set(e, ERR_USAGE, "unexpected '%s': %s has no "
		    "subcommands ('dhcoach help %s' shows all of it)",
		    args->argv[1], c->name, c->name);
	cmd_help(stdout, c, cmd_width());
	return cmd_finish(e);
}

const struct cmd_entry cmd_help_entry = {
	"help", "[COMMAND [SUBCOMMAND]]", "show the help of every command, or "
	"of one", NULL, 0, 2, 0, cmd_help_exec, NULL
};
