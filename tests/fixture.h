/*
 * fixture.h: a small, valid prompt folder for unit tests.
 *
 * fixture_dir writes one file per area, evidence.prompts and cues.prompts
 * into a new temporary folder.  Indicator X.y is shown by the word
 * "Xy" without punctuation (sv.big-picture: "svbigpicture"); the negation
 * cue is the word "not", window 3.  Tests then change one file to make
 * one problem.  Ownership: the returned path is the caller's; fixture_rm
 * removes the folder and frees the path.
 */
#ifndef DHCOACH_FIXTURE_H
#define DHCOACH_FIXTURE_H

char *fixture_dir(void);
/* The word that shows indicator id (a static buffer). */
const char *fixture_word(const char *id);
void fixture_write(const char *dir, const char *file, const char *text);
void fixture_append(const char *dir, const char *file, const char *text);
void fixture_rm(char *dir);

#endif
