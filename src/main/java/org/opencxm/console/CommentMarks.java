package org.opencxm.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.SemModule;
import org.opencxm.surveys.Answer;
import org.opencxm.surveys.SurveyResponse;
import org.opencxm.text.AnalysedComment;
import org.opencxm.text.CommentAnalyses;
import org.opencxm.text.SentimentLabel;
import org.opencxm.text.ThemeDefinition;
import org.opencxm.text.Themes;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Customers' comments as the pages show them: cut into the clauses the text module stored
 * for them, each marked with its sentiment and the themes, experience factors and SEM
 * modules it speaks to. Nothing is analysed here; a comment still waiting for its
 * analysis is shown as written, unmarked. Texts stay as written: the template escapes
 * them.
 */
@Component
class CommentMarks {

	private final CommentAnalyses analyses;

	private final Themes themes;

	CommentMarks(CommentAnalyses analyses, Themes themes) {
		this.analyses = analyses;
		this.themes = themes;
	}

	/**
	 * A comment on a page.
	 *
	 * @param question the question code it answers
	 * @param sentiment the whole comment's label in lower case, null while not analysed
	 * @param icon the sign of that label
	 * @param parts the comment in order: clauses and the text between them
	 */
	record MarkedComment(long responseId, String question, String text, @Nullable String sentiment, String icon,
			List<Part> parts) {

		public boolean analysed() {
			return this.sentiment != null;
		}

	}

	/**
	 * A piece of a comment: a clause with its marks, or unmarked text (sentiment null).
	 *
	 * @param icon a sign for the sentiment that does not depend on colour
	 */
	record Part(String text, @Nullable String sentiment, String icon, List<Chip> chips) {

	}

	/**
	 * A theme, experience factor or SEM module a clause speaks to.
	 *
	 * @param kind theme, factor or sem
	 * @param name the theme's name, or null for a name the messages give ({@code key})
	 */
	record Chip(String kind, String code, @Nullable String name, String key) {

	}

	/**
	 * The comments of responses a page has read (through the surveys module, limited to
	 * the caller's units), marked from their stored analyses, in the responses' and
	 * answers' order.
	 */
	Map<Long, List<MarkedComment>> of(Collection<SurveyResponse> responses) {
		List<SurveyResponse> commented = responses.stream()
			.filter((response) -> response.answers().stream().anyMatch(CommentMarks::isComment))
			.toList();
		Map<Long, List<MarkedComment>> marked = new HashMap<>();
		if (commented.isEmpty()) {
			return marked;
		}
		Map<Long, List<AnalysedComment>> analysed = this.analyses.commentsOf(commented);
		Map<String, String> themeNames = themeNames(analysed.values());
		for (SurveyResponse response : commented) {
			Map<String, AnalysedComment> byQuestion = new HashMap<>();
			analysed.getOrDefault(response.id(), List.of())
				.forEach((comment) -> byQuestion.put(comment.questionCode(), comment));
			List<MarkedComment> comments = new ArrayList<>();
			for (Answer answer : response.answers()) {
				if (answer instanceof Answer.Text text && isComment(answer)) {
					AnalysedComment analysis = byQuestion.get(text.questionCode());
					comments.add((analysis != null) ? mark(response.id(), analysis, themeNames)
							: plain(response.id(), text.questionCode(), text.text()));
				}
			}
			marked.put(response.id(), comments);
		}
		return marked;
	}

	private static boolean isComment(Answer answer) {
		return answer instanceof Answer.Text text && !text.text().isBlank();
	}

	static MarkedComment plain(long responseId, String question, String text) {
		return new MarkedComment(responseId, question, text, null, "", List.of(new Part(text, null, "", List.of())));
	}

	/**
	 * Cuts a comment at its clauses' offsets: the text outside every clause (spaces
	 * between sentences) stays as unmarked parts, so that the parts put together give the
	 * comment back exactly.
	 */
	static MarkedComment mark(long responseId, AnalysedComment comment, Map<String, String> themeNames) {
		String text = comment.text();
		List<Part> parts = new ArrayList<>();
		int at = 0;
		for (AnalysedComment.MarkedClause clause : comment.clauses()) {
			int start = Math.max(at, Math.min(clause.start(), text.length()));
			int end = Math.max(start, Math.min(clause.end(), text.length()));
			if (start > at) {
				parts.add(new Part(text.substring(at, start), null, "", List.of()));
			}
			if (end > start) {
				parts.add(new Part(text.substring(start, end), sentiment(clause.label()), icon(clause.label()),
						chips(clause, themeNames)));
			}
			at = end;
		}
		if (at < text.length()) {
			parts.add(new Part(text.substring(at), null, "", List.of()));
		}
		return new MarkedComment(responseId, comment.questionCode(), text, sentiment(comment.label()),
				icon(comment.label()), parts);
	}

	private static List<Chip> chips(AnalysedComment.MarkedClause clause, Map<String, String> themeNames) {
		List<Chip> chips = new ArrayList<>();
		clause.themes()
			.stream()
			.map(AnalysedComment.ThemeMark::code)
			.distinct()
			.forEach((code) -> chips.add(new Chip("theme", code, themeNames.getOrDefault(code, code), "")));
		for (ExperienceFactor factor : clause.factors()) {
			chips.add(new Chip("factor", factor.name(), null, "comments.marks.factor." + factor.name()));
		}
		for (SemModule module : clause.semModules()) {
			chips.add(new Chip("sem", module.name(), null, "enum.SemModule." + module.name()));
		}
		return chips;
	}

	static String sentiment(SentimentLabel label) {
		return label.name().toLowerCase(Locale.ROOT);
	}

	static String icon(SentimentLabel label) {
		return switch (label) {
			case POSITIVE -> "+";
			case NEGATIVE -> "−";
			case NEUTRAL -> "○";
		};
	}

	/**
	 * The names of the themes these comments speak to, in the page's language; a theme
	 * deleted since keeps its code.
	 */
	private Map<String, String> themeNames(Collection<List<AnalysedComment>> comments) {
		boolean any = comments.stream().flatMap(List::stream).anyMatch((comment) -> !comment.themes().isEmpty());
		Map<String, String> names = new HashMap<>();
		if (any) {
			Locale locale = LocaleContextHolder.getLocale();
			for (ThemeDefinition theme : this.themes.list()) {
				names.put(theme.code(), theme.name().in(locale));
			}
		}
		return names;
	}

}
