/*
 * fixture.h: a small, valid prompt folder for unit tests.
 *
 * fixture_dir writes one file per area, evidence.prompts, cues.prompts
 * (with [scale]) and plan.prompts into a new temporary folder.  In
 * [plan], the questions are "What will you do?", "How will you know?",
 * "By when?", "Who will support you?" and "Which area?"; the word
 * "better" makes an action vague, with the nudge "Make it specific.".  Indicator X.y is shown by the word
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
