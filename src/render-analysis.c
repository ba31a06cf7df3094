/*
 * render-analysis.c: an analysis as text for people, tsv and json for
 * programs (see render-analysis.h).
 *
 * Invariants: the detail of an indicator is the whole sentence that
 * showed it (analyse_quote) or its gap suggestion; the ev.* indicators
 * come last, once.  Text from the analysed file reaches the terminal
 * only through util_printable, a tsv line only with its control
 * characters made spaces, and JSON only through the json writer.
 */
#include <stdlib.h>
#include <string.h>

#include "analyse.h"
#include "framework.h"
#include "json.h"
#include "render-analysis.h"
#include "util.h"

/* Parse an output format name. */
int
render_analysis_format_parse(const char *s, enum render_analysis_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = RENDER_ANALYSIS_TEXT;
	else if (strcmp(s, "tsv") == 0)
		*out = RENDER_ANALYSIS_TSV;
	else if (strcmp(s, "json") == 0)
		*out = RENDER_ANALYSIS_JSON;
	else
		return -1;
	return 0;
}

/* The detail of indicator i: its sentence when shown, else the suggestion. */
static char *
render_analysis_detail(const struct analysis *a, int i)
{
	const char	*gap = a->prompts->indicators[i].gap;

	if (analyse_shown(a, i))
		return analyse_quote(a, i);
	return util_squeeze(gap, strlen(gap), strlen(gap) + 1);
}

/*
 * Print one tsv field with tabs, line breaks and every other control
 * character (C0, DEL and C1) turned to spaces.
 */
static void
render_analysis_tsv_field(FILE *f, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	for (; *u != '\0'; u++) {
		if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) {
			fputc(' ', f);
			u++;
		} else
			fputc(*u < 0x20 || *u == 0x7f ? ' ' : *u, f);
	}
}

/* Print the tsv lines of one area (or the evidence pseudo-area). */
static void
render_analysis_tsv_area(FILE *f, const struct analysis *a, int area)
{
	char	*detail;
	int	 i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		detail = render_analysis_detail(a, i);
		fprintf(f, "%s\t%s\t%s\t",
		    area == FRAMEWORK_EVIDENCE ? FRAMEWORK_EVIDENCE_ID :
		    framework_areas[area].id, framework_indicators[i].id,
		    analyse_shown(a, i) ? "present" : "gap");
		render_analysis_tsv_field(f, detail);
		fputc('\n', f);
		free(detail);
	}
}

/* Print the text section of one area (or the evidence pseudo-area). */
static void
render_analysis_text_area(FILE *f, const struct analysis *a, int area,
    int width)
{
	const struct prompts_indicator	*ind;
	char				*detail, *safe, *line;
	int				 i, shown, total;

	shown = analyse_count(a, area, &total);
	if (area == FRAMEWORK_EVIDENCE)
		fprintf(f, "Quality of evidence: %d of %d shown\n", shown,
		    total);
	else
		fprintf(f, "%s: %d of %d shown\n",
		    a->prompts->areas[area].title, shown, total);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		ind = &a->prompts->indicators[i];
		fprintf(f, "  %-6s %s (%s)\n", analyse_shown(a, i) ? "shown" :
		    "gap", ind->title, framework_indicators[i].id);
		detail = render_analysis_detail(a, i);
		if (analyse_shown(a, i)) {
			safe = util_printable(detail, strlen(detail));
			line = xasprintf("\"%s\"", safe);
			util_wrap(f, line, 9, 10, width);
			free(line);
			free(safe);
		} else
			util_wrap(f, detail, 9, 9, width);
		free(detail);
	}
}

/* Write the "indicators" array of one area (or the evidence pseudo-area). */
static void
render_analysis_json_indicators(struct json *j, const struct analysis *a,
    int area)
{
	char	*detail;
	int	 i;

	json_key(j, "indicators");
	json_array_begin(j);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		detail = render_analysis_detail(a, i);
		json_object_begin(j);
		json_key(j, "id");
		json_string(j, framework_indicators[i].id);
		json_key(j, "title");
		json_string(j, a->prompts->indicators[i].title);
		json_key(j, "status");
		json_string(j, analyse_shown(a, i) ? "present" : "gap");
		json_key(j, "detail");
		json_string(j, detail);
		json_object_end(j);
		free(detail);
	}
	json_array_end(j);
}

/* Write the "shown" and "total" members of one area. */
static void
render_analysis_json_count(struct json *j, const struct analysis *a,
    int area)
{
	int	shown, total;

	shown = analyse_count(a, area, &total);
	json_key(j, "shown");
	json_int(j, shown);
	json_key(j, "total");
	json_int(j, total);
}

/* Print the json document. */
static void
render_analysis_json(FILE *f, const struct analysis *a, int only)
{
	struct json	j;
	int		i;

	json_init(&j, f);
	json_object_begin(&j);
	json_key(&j, "areas");
	json_array_begin(&j);
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (only != -1 && i != only)
			continue;
		json_object_begin(&j);
		json_key(&j, "id");
		json_string(&j, framework_areas[i].id);
		json_key(&j, "title");
		json_string(&j, a->prompts->areas[i].title);
		json_key(&j, "dimension");
		json_string(&j,
		    framework_dimension_name(framework_areas[i].dimension));
		render_analysis_json_count(&j, a, i);
		render_analysis_json_indicators(&j, a, i);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_key(&j, "evidence");
	json_object_begin(&j);
	render_analysis_json_count(&j, a, FRAMEWORK_EVIDENCE);
	render_analysis_json_indicators(&j, a, FRAMEWORK_EVIDENCE);
	json_object_end(&j);
	json_object_end(&j);
	json_end(&j);
}

/* Print the text of every area asked for, then the quality of evidence. */
static void
render_analysis_text(FILE *f, const struct analysis *a, int only, int width)
{
	int	i, shown = 0, total = 0, t;

	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (only != -1 && i != only)
			continue;
		render_analysis_text_area(f, a, i, width);
		fputc('\n', f);
		shown += analyse_count(a, i, &t);
		total += t;
	}
	render_analysis_text_area(f, a, FRAMEWORK_EVIDENCE, width);
	if (only == -1)
		fprintf(f, "\nOverall: %d of %d skill-area indicators shown.\n",
		    shown, total);
}

/* Print an analysis; see render-analysis.h. */
void
render_analysis(FILE *f, enum render_analysis_format fmt,
    const struct analysis *a, int area, int width)
{
	int	i;

	switch (fmt) {
	case RENDER_ANALYSIS_TSV:
		for (i = 0; i < FRAMEWORK_NAREAS; i++) {
			if (area == -1 || i == area)
				render_analysis_tsv_area(f, a, i);
		}
		render_analysis_tsv_area(f, a, FRAMEWORK_EVIDENCE);
		break;
	case RENDER_ANALYSIS_JSON:
		render_analysis_json(f, a, area);
		break;
	case RENDER_ANALYSIS_TEXT:
		render_analysis_text(f, a, area, width);
		break;
	}
}
