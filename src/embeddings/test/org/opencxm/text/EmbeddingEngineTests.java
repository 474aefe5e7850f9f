package org.opencxm.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding engine, with the models the embeddings profile brings. Runs only in a build
 * with that profile ({@code ./mvnw -P embeddings verify}).
 */
class EmbeddingEngineTests {

	private static final EmbeddingEngine engine = new EmbeddingEngine();

	@Test
	void keepsTheLexiconEnginesClausesAndOffsets() {
		String text = "排队等了四十分钟，服务员态度很差！ The food was great.";
		CommentAnalysis lexicon = new TextAnalyzer().analyze(text, ThemeCatalog.empty());
		CommentAnalysis analysis = engine.analyze(text, ThemeCatalog.empty());
		assertThat(analysis.clauses()).extracting(ClauseAnalysis::text)
			.isEqualTo(lexicon.clauses().stream().map(ClauseAnalysis::text).toList());
		assertThat(analysis.clauses()).extracting(ClauseAnalysis::start)
			.isEqualTo(lexicon.clauses().stream().map(ClauseAnalysis::start).toList());
		assertThat(analysis.label()).isEqualTo(SentimentLabel.NEGATIVE);
	}

	@Test
	void readsComplaintsWithoutSentimentWordsAndPraise() {
		assertThat(engine.analyze("We waited an hour and nobody came to the table.", ThemeCatalog.empty()).score())
			.isNegative();
		assertThat(engine.analyze("外卖过了一个半钟头才送到", ThemeCatalog.empty()).score()).isNegative();
		assertThat(engine.analyze("Great food, friendly staff, we will be back!", ThemeCatalog.empty()).label())
			.isEqualTo(SentimentLabel.POSITIVE);
	}

	@Test
	void matchesAThemeByItsExampleSentencesWhereNoKeywordIs() {
		ThemeCatalog themes = ThemeCatalog.of(List.of(new Theme("delivery-time", "配送时间", "Delivery time",
				List.of("zzzz"), List.of("送餐太慢了，等了一个小时", "the delivery took forever"))));
		CommentAnalysis analysis = engine.analyze("外卖送得太慢了，等了好久", themes);
		assertThat(analysis.themes()).anySatisfy((match) -> {
			assertThat(match.themeId()).isEqualTo("delivery-time");
			assertThat(match.via()).isEqualTo(ThemeMatch.Via.SIMILARITY);
		});
		assertThat(engine.analyze("菜的味道很好", themes).themes()).isEmpty();
	}

	@Test
	void neverThrowsOnOddText() {
		for (String text : List.of("", "😡😡😡", "<script>alert(1)</script>", "\u0000\ud800", "a".repeat(20_000))) {
			assertThat(engine.analyze(text, ThemeCatalog.empty())).isNotNull();
		}
	}

}
