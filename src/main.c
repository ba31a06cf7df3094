/*
 * main.c: dhcoach's entry point: global options, then the command.
 *
 * Global options come before the command name; each command also accepts
 * the common ones after it.  main leaves through one place, so that
 * stdout is always flushed and checked.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "framework.h"
#include "repl.h"
#include "util.h"

/* Print --version. */
static int
main_version(void)
{
	printf("%s %s\n"
	    "Copyright (C) 2026 the dhcoach developers.\n"
	    "License GPLv3+: GNU GPL version 3 or later "
	    "<https://gnu.org/licenses/gpl.html>.\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\nThere is NO WARRANTY, to the extent permitted by law.\n",
	    PROGNAME, DHCOACH_VERSION);
	return cmd_finish_output();
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", no_argument, NULL, 'V' },
		{ "area", required_argument, NULL, 'a' },
		CMD_COMMON_LONGOPTS
	};
	struct cmd_ctx		 ctx = { 0 };
	const struct cmd_entry	*e;
	int			 opt, rc = CMD_EXIT_OK, done, start = -1;

	setlocale(LC_ALL, "");
	while ((opt = getopt_long(argc, argv, "+hVa:", longopts, NULL)) != -1) {
		if (opt == 'V') {
			rc = main_version();
			goto out;
		}
		if (opt == 'a') {
			if ((start = framework_area_find(optarg)) == -1) {
				rc = cmd_usage_error("unknown area '%s': the ids "
				    "are listed in 'dhcoach --help'", optarg);
				goto out;
			}
			continue;
		}
		if ((rc = cmd_common_option(&ctx, opt, &done)) != -1 && done)
			goto out;
		rc = CMD_EXIT_OK;
	}
	argc -= optind;
	argv += optind;

	/* No command: the coaching conversation. */
	if (argc == 0) {
		rc = repl_run(&ctx, start);
		goto out;
	}
	if (start != -1) {
		rc = cmd_usage_error("--area before a command: use the "
		    "command's own --area, after its name");
		goto out;
	}
	if ((e = cmd_find(argv[0])) == NULL) {
		rc = cmd_usage_error("unknown command '%s'", argv[0]);
		goto out;
	}
	rc = e->exec(&ctx, argc, argv);
out:
	cmd_ctx_free(&ctx);
	return rc;
}
