/*
 * driver.c: runs a harness over files without libFuzzer (see fuzz.h).
 *
 * Usage: driver PATH...; each PATH is a file, or a folder whose files
 * (not those starting with '.') are run in name order.  Every input is
 * run once; a failing check, a crash or a sanitizer report stops the
 * run, and the input being run is named on stderr first.  Prints how
 * many inputs ran and exits 0 when all did.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

/* Provided by ASan and UBSan when the build uses them. */
extern void __sanitizer_set_death_callback(void (*)(void))
    __attribute__((weak));

static const char	*driver_current;	/* the input being run */

/* Name the input being run (from a signal handler or a sanitizer). */
static void
driver_name_current(void)
{
	static const char	pre[] = "fuzz driver: the input was ";
	ssize_t			r;

	if (driver_current == NULL)
		return;
	r = write(STDERR_FILENO, pre, sizeof pre - 1);
	r = write(STDERR_FILENO, driver_current, strlen(driver_current));
	r = write(STDERR_FILENO, "\n", 1);
	(void)r;
}

/* On a crash or abort: name the input, then die of the same signal. */
static void
driver_signal(int sig)
{
	driver_name_current();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Read a whole file into a new buffer (no NUL added: harnesses get bytes). */
static uint8_t *
driver_read(const char *path, size_t *len)
{
	FILE	*f;
	uint8_t	*data = NULL;
	size_t	 cap = 0, n;

	*len = 0;
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "fuzz driver: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	for (;;) {
		if (*len == cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			if ((data = realloc(data, cap)) == NULL) {
				fprintf(stderr, "fuzz driver: out of memory\n");
				exit(2);
			}
		}
		n = fread(data + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "fuzz driver: %s: read error\n", path);
		exit(2);
	}
	fclose(f);
	/* An exact-size copy, so that reading past the end is caught. */
	return realloc(data, *len > 0 ? *len : 1);
}

/* Run one file through the harness. */
static void
driver_run_file(const char *path)
{
	uint8_t	*data;
	size_t	 len;

	data = driver_read(path, &len);
	driver_current = path;
	LLVMFuzzerTestOneInput(data, len);
	driver_current = NULL;
	free(data);
}

/* Order names as strcmp does. */
static int
driver_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every file of a folder, in name order; returns how many. */
static size_t
driver_run_dir(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL, *path;
	size_t		 n = 0, i;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "fuzz driver: %s: %s\n", dir, strerror(errno));
		exit(2);
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof *names)) == NULL ||
		    (names[n] = strdup(de->d_name)) == NULL) {
			fprintf(stderr, "fuzz driver: out of memory\n");
			exit(2);
		}
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, driver_cmp);
	for (i = 0; i < n; i++) {
		if ((path = malloc(strlen(dir) + strlen(names[i]) + 2)) == NULL) {
			fprintf(stderr, "fuzz driver: out of memory\n");
			exit(2);
		}
		sprintf(path, "%s/%s", dir, names[i]);
		driver_run_file(path);
		free(path);
		free(names[i]);
	}
	free(names);
	return n;
}

int
main(int argc, char **argv)
{
	struct stat	 st;
	size_t		 n = 0;
	int		 i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
		return 2;
	}
	signal(SIGABRT, driver_signal);
	signal(SIGSEGV, driver_signal);
	signal(SIGBUS, driver_signal);
	signal(SIGFPE, driver_signal);
	if (__sanitizer_set_death_callback != NULL)
		__sanitizer_set_death_callback(driver_name_current);
	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "fuzz driver: %s: %s\n", argv[i],
			    strerror(errno));
			return 2;
		}
		if (S_ISDIR(st.st_mode))
			n += driver_run_dir(argv[i]);
		else {
			driver_run_file(argv[i]);
			n++;
		}
	}
	printf("%s: %zu inputs ran\n", argv[0], n);
	return n > 0 ? 0 : 1;
}
