/*
 * recover.c: the recovery folder (see recover.h).
 *
 * Invariants: a recovery file is created 0600 with O_EXCL (mkstemps) in
 * a folder made 0700, written whole and synced before recover_save
 * returns; its header is the first block of lines that start with "#";
 * everything after that block is the answer, byte for byte.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "recover.h"
#include "util.h"

/* The first line of every recovery file. */
#define RECOVER_MAGIC	"# dhcoach: "
/* The longest recovery file read back. */
#define RECOVER_MAX	(2 * 1024 * 1024)

/* The recovery folder under the state folder. */
char *
recover_dir(void)
{
	char	*state, *dir;

	if ((state = util_state_dir()) == NULL)
		return NULL;
	dir = xasprintf("%s/unsaved", state);
	free(state);
	return dir;
}

/* Write one header line, its value on one line. */
static void
recover_header(FILE *f, const char *key, const char *value)
{
	const char	*s;

	fprintf(f, "# %s: ", key);
	for (s = value != NULL ? value : ""; *s != '\0'; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, f);
	fputc('\n', f);
}

/* Set *e for a failure to write a recovery file in dir (errno). */
static int
recover_fail(const char *dir, int saved, struct err *e)
{
	if (saved == ENOSPC || saved == EDQUOT)
		return err_set(e, ERR_DISK_FULL, "the disk is full, so %s has "
		    "no room for it either", dir);
	return err_set(e, ERR_UNSAVED, "cannot write in %s: %s", dir,
	    strerror(saved));
}

/* Write an item to a new file in dir; see recover.h. */
int
recover_save(const char *dir, struct recover_item *item, struct err *e)
{
	char	*path;
	FILE	*f;
	int	 fd, saved;

	if (util_mkdirs(dir, 0700) != 0)
		return recover_fail(dir, errno, e);
	path = xasprintf("%s/answer-%ld-XXXXXX.txt", dir, (long)getpid());
	if ((fd = mkstemps(path, 4)) == -1) {
		saved = errno;
		free(path);
		return recover_fail(dir, saved, e);
	}
	if ((f = fdopen(fd, "w")) == NULL)
		fatal("fdopen");
	fputs(RECOVER_MAGIC "an answer not yet saved in your database. "
	    "dhcoach saves it, and removes this file, the next time it "
	    "starts.\n", f);
	recover_header(f, "db", item->db);
	recover_header(f, "area", item->area);
	recover_header(f, "kind", item->kind);
	recover_header(f, "at", item->at);
	recover_header(f, "question", item->question);
	fputs(item->answer != NULL ? item->answer : "", f);
	saved = 0;
	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)
		saved = errno != 0 ? errno : EIO;
	if (fclose(f) != 0 && saved == 0)
		saved = errno;
	if (saved != 0) {
		unlink(path);
		free(path);
		return recover_fail(dir, saved, e);
	}
	free(item->path);
	item->path = path;
	return 0;
}

/* Keep text that can never be an answer; see recover.h. */
int
recover_keep(const char *dir, const char *text, char **path, struct err *e)
{
	FILE	*f;
	int	 fd, saved = 0;

	if (util_mkdirs(dir, 0700) != 0)
		return recover_fail(dir, errno, e);
	*path = xasprintf("%s/kept-%ld-XXXXXX.txt", dir, (long)getpid());
	if ((fd = mkstemps(*path, 4)) == -1) {
		saved = errno;
		free(*path);
		*path = NULL;
		return recover_fail(dir, saved, e);
	}
	if ((f = fdopen(fd, "w")) == NULL)
		fatal("fdopen");
	fputs(text, f);
	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)
		saved = errno != 0 ? errno : EIO;
	if (fclose(f) != 0 && saved == 0)
		saved = errno;
	if (saved != 0) {
		unlink(*path);
		free(*path);
		*path = NULL;
		return recover_fail(dir, saved, e);
	}
	return 0;
}

/* Take a header line "# key: value" into item. */
static void
recover_parse_header(struct recover_item *item, const char *line)
{
	static const char *const	 keys[] = { "db", "area", "kind", "at",
	    "question" };
	char				**fields[5];
	size_t				 k, len;

	fields[0] = &item->db;
	fields[1] = &item->area;
	fields[2] = &item->kind;
	fields[3] = &item->at;
	fields[4] = &item->question;
	for (k = 0; k < 5; k++) {
		len = strlen(keys[k]);
		if (strncmp(line + 2, keys[k], len) == 0 &&
		    strncmp(line + 2 + len, ": ", 2) == 0) {
			free(*fields[k]);
			*fields[k] = xstrdup(line + 4 + len);
			return;
		}
	}
}

/* Read a recovery file; see recover.h. */
int
recover_read(const char *path, struct recover_item *item, struct err *e)
{
	FILE	*f;
	char	*text, *s, *nl;
	size_t	 len;

	if ((f = fopen(path, "r")) == NULL)
		return err_set(e, ERR_INPUT, "cannot read %s: %s", path,
		    strerror(errno));
	if (util_read_stream(f, RECOVER_MAX, &text, &len) != 0) {
		fclose(f);
		return err_set(e, ERR_INPUT, "cannot read %s: %s", path,
		    strerror(errno));
	}
	fclose(f);
	if (strncmp(text, RECOVER_MAGIC, strlen(RECOVER_MAGIC)) != 0) {
		free(text);
		return err_set(e, ERR_INPUT, "%s is not a dhcoach recovery "
		    "file", path);
	}
	for (s = text; *s == '#'; s = nl + 1) {
		if ((nl = strchr(s, '\n')) == NULL) {
			nl = s + strlen(s) - 1;
			break;
		}
		*nl = '\0';
		if (strncmp(s, "# ", 2) == 0)
			recover_parse_header(item, s);
	}
	free(item->answer);
	item->answer = xstrdup(*s == '#' ? "" : s);
	free(text);
	if (item->path != path) {
		free(item->path);
		item->path = xstrdup(path);
	}
	return 0;
}

/* The answer after an editor had the file; see recover.h. */
int
recover_read_text(const char *path, char **text, struct err *e)
{
	struct recover_item	 it;
	FILE			*f;
	size_t			 len;

	memset(&it, 0, sizeof it);
	if (recover_read(path, &it, e) == 0) {
		*text = it.answer;
		it.answer = NULL;
		recover_item_clear(&it);
	} else {
		err_clear(e);
		if ((f = fopen(path, "r")) == NULL)
			return err_set(e, ERR_INPUT, "cannot read %s: %s", path,
			    strerror(errno));
		if (util_read_stream(f, RECOVER_MAX, text, &len) != 0) {
			fclose(f);
			return err_set(e, ERR_INPUT, "cannot read %s: %s", path,
			    strerror(errno));
		}
		fclose(f);
	}
	len = strlen(*text);
	while (len > 0 && strchr(" \t\r\n", (*text)[len - 1]) != NULL)
		(*text)[--len] = '\0';
	return 0;
}

/* Order items by when they were given, then by file. */
static int
recover_cmp(const void *x, const void *y)
{
	const struct recover_item	*a = x, *b = y;
	int				 c;

	if ((c = strcmp(a->at != NULL ? a->at : "", b->at != NULL ? b->at :
	    "")) != 0)
		return c;
	return strcmp(a->path, b->path);
}

/* The recovery files of database db, oldest first; see recover.h. */
int
recover_list(const char *dir, const char *db, struct recover_item **out,
    size_t *n, struct err *e)
{
	struct recover_item	 it;
	struct dirent		*de;
	struct err		 skip = { 0 };
	DIR			*d;
	char			*path;

	*out = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, ERR_UNSAVED, "cannot read %s: %s", dir,
		    strerror(errno));
	}
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "answer-", 7) != 0)
			continue;
		path = xasprintf("%s/%s", dir, de->d_name);
		memset(&it, 0, sizeof it);
		if (recover_read(path, &it, &skip) != 0 || it.db == NULL ||
		    strcmp(it.db, db) != 0) {
			err_clear(&skip);
			recover_item_clear(&it);
			free(path);
			continue;
		}
		free(path);
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = it;
	}
	closedir(d);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, recover_cmp);
	return 0;
}

/* Remove an item's file. */
int
recover_remove(const struct recover_item *item, struct err *e)
{
	if (item->path != NULL && unlink(item->path) != 0 && errno != ENOENT)
		return err_set(e, ERR_UNSAVED, "cannot remove %s: %s",
		    item->path, strerror(errno));
	return 0;
}

/* Free an item's strings; NULL is allowed. */
void
recover_item_clear(struct recover_item *item)
{
	if (item == NULL)
		return;
	free(item->path);
	free(item->db);
	free(item->area);
	free(item->kind);
	free(item->question);
	free(item->answer);
	free(item->at);
	memset(item, 0, sizeof *item);
}

/* Free a list of items. */
void
recover_items_free(struct recover_item *v, size_t n)
{
	size_t	k;

	for (k = 0; k < n; k++)
		recover_item_clear(&v[k]);
	free(v);
}
