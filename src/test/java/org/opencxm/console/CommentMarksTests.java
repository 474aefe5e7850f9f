package org.opencxm.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.SemModule;
import org.opencxm.text.AnalysedComment;
import org.opencxm.text.Language;
import org.opencxm.text.SentimentLabel;
import org.opencxm.text.ThemeMatch;

import static org.assertj.core.api.Assertions.assertThat;

class CommentMarksTests {

	@Test
	void cutsACommentAtItsClausesKeepingTheTextBetweenThemAndPuttingItBackTogetherExactly() {
		String text = "  排队太久，<b>但是</b>饭很好吃 ";
		AnalysedComment comment = comment(text,
				List.of(clause(2, 7, SentimentLabel.NEGATIVE, List.of(ExperienceFactor.CONVENIENCE), List.of("wait")),
						clause(7, 20, SentimentLabel.POSITIVE, List.of(ExperienceFactor.PRODUCT), List.of())));
		CommentMarks.MarkedComment marked = CommentMarks.mark(7, comment, Map.of("wait", "Waiting"));

		assertThat(marked.sentiment()).isEqualTo("negative");
		assertThat(marked.icon()).isEqualTo("−");
		assertThat(marked.parts()).extracting(CommentMarks.Part::sentiment)
			.containsExactly(null, "negative", "positive", null);
		assertThat(marked.parts().stream().map(CommentMarks.Part::text).reduce("", String::concat)).isEqualTo(text);
		assertThat(marked.parts().get(1).text()).isEqualTo("排队太久，");
		assertThat(marked.parts().get(1).chips())
			.extracting(CommentMarks.Chip::kind, CommentMarks.Chip::code, CommentMarks.Chip::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("theme", "wait", "Waiting"),
					org.assertj.core.groups.Tuple.tuple("factor", "CONVENIENCE", null),
					org.assertj.core.groups.Tuple.tuple("sem", "ACT", null));
		assertThat(marked.parts().get(2).icon()).isEqualTo("+");
	}

	@Test
	void offsetsOutsideTheTextAreCutBackAndADeletedThemeKeepsItsCode() {
		String text = "太慢了";
		AnalysedComment comment = comment(text,
				List.of(clause(0, 2, SentimentLabel.NEUTRAL, List.of(), List.of("gone")),
						clause(1, 99, SentimentLabel.NEGATIVE, List.of(), List.of())));
		CommentMarks.MarkedComment marked = CommentMarks.mark(1, comment, Map.of());
		assertThat(marked.parts()).extracting(CommentMarks.Part::text).containsExactly("太慢", "了");
		assertThat(marked.parts().get(0).chips().get(0).name()).isEqualTo("gone");
	}

	@Test
	void aCommentWithoutAnalysisIsOnePlainPart() {
		CommentMarks.MarkedComment plain = CommentMarks.plain(3, "comment", "<script>x</script>");
		assertThat(plain.analysed()).isFalse();
		assertThat(plain.parts()).singleElement().satisfies((part) -> {
			assertThat(part.text()).isEqualTo("<script>x</script>");
			assertThat(part.sentiment()).isNull();
		});
	}

	private static AnalysedComment comment(String text, List<AnalysedComment.MarkedClause> clauses) {
		return new AnalysedComment(1, "comment", text, Language.CHINESE_SIMPLIFIED, -0.5, SentimentLabel.NEGATIVE, 0.5,
				List.of(), List.of(), List.of(), List.of(), clauses, Instant.EPOCH);
	}

	private static AnalysedComment.MarkedClause clause(int start, int end, SentimentLabel label,
			List<ExperienceFactor> factors, List<String> themes) {
		return new AnalysedComment.MarkedClause(start, end, "", 0, label, 0, factors,
				factors.contains(ExperienceFactor.CONVENIENCE) ? List.of(SemModule.ACT) : List.of(),
				themes.stream()
					.map((code) -> new AnalysedComment.ThemeMark(code, ThemeMatch.Via.KEYWORD, 1, code))
					.toList());
	}

}
