/*
 * report.c: the text, tsv and json renderings of an analysis (see report.h).
 */
#include <stdlib.h>
#include <string.h>

#include "framework.h"
#include "json.h"
#include "report.h"
#include "util.h"

/* Parse an output format name. */
int
report_format_parse(const char *s, enum report_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = REPORT_TEXT;
	else if (strcmp(s, "tsv") == 0)
		*out = REPORT_TSV;
	else if (strcmp(s, "json") == 0)
		*out = REPORT_JSON;
	else
		return -1;
	return 0;
}

/* The detail of indicator i: the quote when shown, else the suggestion. */
static char *
report_detail(const struct analysis *a, int i)
{
	const char	*gap = a->prompts->indicators[i].gap;

	if (analyse_shown(a, i))
		return analyse_quote(a, i);
	return util_squeeze(gap, strlen(gap), strlen(gap) + 1);
}

/* Print one tsv field with tabs and line breaks turned to spaces. */
static void
report_tsv_field(FILE *f, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* Print the tsv lines of one area (or the evidence pseudo-area). */
static void
report_tsv_area(FILE *f, const struct analysis *a, int area)
{
	char	*detail;
	int	 i;

	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		detail = report_detail(a, i);
		fprintf(f, "%s\t%s\t%s\t",
		    area == FRAMEWORK_EVIDENCE ? FRAMEWORK_EVIDENCE_ID :
		    framework_areas[area].id, framework_indicators[i].id,
		    analyse_shown(a, i) ? "present" : "gap");
		report_tsv_field(f, detail);
		fputc('\n', f);
		free(detail);
	}
}

/* Print the text section of one area (or the evidence pseudo-area). */
static void
report_text_area(FILE *f, const struct analysis *a, int area, int width)
{
	const struct prompts_indicator	*ind;
	char				*detail, *line;
	int				 i, shown, total;

	shown = analyse_count(a, area, &total);
	if (area == FRAMEWORK_EVIDENCE)
		fprintf(f, "Quality of evidence: %d of %d shown\n", shown, total);
	else
		fprintf(f, "%s: %d of %d shown\n",
		    a->prompts->areas[area].title, shown, total);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		ind = &a->prompts->indicators[i];
		fprintf(f, "  %-6s %s (%s)\n", analyse_shown(a, i) ? "shown" :
		    "gap", ind->title, framework_indicators[i].id);
		detail = report_detail(a, i);
		if (analyse_shown(a, i)) {
			line = xasprintf("\"%s\"", detail);
			util_wrap(f, line, 9, 10, width);
			free(line);
		} else
			util_wrap(f, detail, 9, 9, width);
		free(detail);
	}
}

/* Print the json indicator objects of one area. */
static void
report_json_indicators(FILE *f, const struct analysis *a, int area)
{
	char	*detail;
	int	 i, first = 1;

	fputs("\"indicators\":[", f);
	for (i = 0; i < FRAMEWORK_NINDICATORS; i++) {
		if (framework_indicators[i].area != area)
			continue;
		detail = report_detail(a, i);
		fprintf(f, "%s{\"id\":", first ? "" : ",");
		json_put_str(f, framework_indicators[i].id);
		fputs(",\"title\":", f);
		json_put_str(f, a->prompts->indicators[i].title);
		fprintf(f, ",\"status\":\"%s\",\"detail\":",
		    analyse_shown(a, i) ? "present" : "gap");
		json_put_str(f, detail);
		fputc('}', f);
		free(detail);
		first = 0;
	}
	fputc(']', f);
}

/* Print the json document. */
static void
report_json(FILE *f, const struct analysis *a, int only)
{
	int	i, shown, total, first = 1;

	fputs("{\"areas\":[", f);
	for (i = 0; i < FRAMEWORK_NAREAS; i++) {
		if (only != -1 && i != only)
			continue;
		shown = analyse_count(a, i, &total);
		fprintf(f, "%s{\"id\":", first ? "" : ",");
		json_put_str(f, framework_areas[i].id);
		fputs(",\"title\":", f);
		json_put_str(f, a->prompts->areas[i].title);
		fprintf(f, ",\"dimension\":\"%s\",\"shown\":%d,\"total\":%d,",
		    framework_dimension_name(framework_areas[i].dimension),
		    shown, total);
		report_json_indicators(f, a, i);
		fputc('}', f);
		first = 0;
	}
	shown = analyse_count(a, FRAMEWORK_EVIDENCE, &total);
	fprintf(f, "],\"evidence\":{\"shown\":%d,\"total\":%d,", shown, total);
	report_json_indicators(f, a, FRAMEWORK_EVIDENCE);
	fputs("}}\n", f);
}

/* Print an analysis; see report.h. */
void
report_analysis(FILE *f, enum report_format fmt, const struct analysis *a,
    int only, int width)
{
	int	i, shown = 0, total = 0, n, t;

	switch (fmt) {
	case REPORT_TSV:
		for (i = 0; i < FRAMEWORK_NAREAS; i++) {
			if (only == -1 || i == only)
				report_tsv_area(f, a, i);
		}
		report_tsv_area(f, a, FRAMEWORK_EVIDENCE);
		break;
	case REPORT_JSON:
		report_json(f, a, only);
		break;
	case REPORT_TEXT:
		for (i = 0; i < FRAMEWORK_NAREAS; i++) {
			if (only != -1 && i != only)
				continue;
			report_text_area(f, a, i, width);
			fputc('\n', f);
			n = analyse_count(a, i, &t);
			shown += n;
			total += t;
		}
		report_text_area(f, a, FRAMEWORK_EVIDENCE, width);
		if (only == -1)
			fprintf(f, "\nOverall: %d of %d skill-area indicators "
			    "shown.\n", shown, total);
		break;
	}
}
