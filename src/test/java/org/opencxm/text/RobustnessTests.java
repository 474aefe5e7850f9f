package org.opencxm.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever customers type, the engine answers sanely and never throws.
 */
class RobustnessTests {

	private static final TextAnalyzer analyzer = new TextAnalyzer();

	private static CommentAnalysis analyzeSanely(String text) {
		CommentAnalysis analysis = analyzer.analyze(text);
		assertThat(analysis.score()).isBetween(-1.0, 1.0);
		assertThat(analysis.intensity()).isBetween(0.0, 1.0);
		assertThat(analysis.label()).isEqualTo(SentimentLabel.of(analysis.score()));
		int previousEnd = 0;
		for (ClauseAnalysis clause : analysis.clauses()) {
			assertThat(clause.start()).isGreaterThanOrEqualTo(previousEnd);
			assertThat(clause.end()).isGreaterThan(clause.start()).isLessThanOrEqualTo(text.length());
			assertThat(text.substring(clause.start(), clause.end())).isEqualTo(clause.text());
			assertThat(clause.score()).isBetween(-1.0, 1.0);
			assertThat(clause.intensity()).isBetween(0.0, 1.0);
			previousEnd = clause.end();
		}
		assertThat(analysis.keyPhrases()).hasSizeLessThanOrEqualTo(TextAnalyzer.KEY_PHRASES);
		return analysis;
	}

	@Test
	void emptyTextIsNeutralWithoutClauses() {
		for (String text : new String[] { "", " ", "\n\t  ", "。。。", "!!!???" }) {
			CommentAnalysis analysis = analyzeSanely(text);
			assertThat(analysis.clauses()).isEmpty();
			assertThat(analysis.score()).isZero();
			assertThat(analysis.label()).isEqualTo(SentimentLabel.NEUTRAL);
			assertThat(analysis.keyPhrases()).isEmpty();
		}
		assertThat(analyzer.analyze(null).clauses()).isEmpty();
	}

	@Test
	void onlyEmojiIsOneClause() {
		CommentAnalysis analysis = analyzeSanely("👍👍👍");
		assertThat(analysis.language()).isEqualTo(Language.UNKNOWN);
		assertThat(analysis.clauses()).singleElement()
			.satisfies((clause) -> assertThat(clause.text()).isEqualTo("👍👍👍"));
		assertThat(analysis.label()).isEqualTo(SentimentLabel.POSITIVE);
	}

	@Test
	void longTextIsAnalysedQuickly() {
		StringBuilder text = new StringBuilder();
		while (text.length() < 5_000) {
			text.append("味道不错，但是送餐太慢了！The rider was rude. 包装也很一般😡 ");
		}
		long start = System.nanoTime();
		CommentAnalysis analysis = analyzeSanely(text.toString());
		assertThat((System.nanoTime() - start) / 1e6).isLessThan(2_000);
		assertThat(analysis.clauses()).hasSizeGreaterThan(300);
		assertThat(analysis.label()).isEqualTo(SentimentLabel.NEGATIVE);
	}

	@Test
	void veryLongTextIsAnalysedUpToTheCap() {
		String text = "很好。".repeat(20_000);
		CommentAnalysis analysis = analyzeSanely(text);
		assertThat(analysis.clauses().get(analysis.clauses().size() - 1).end())
			.isLessThanOrEqualTo(NormalizedText.MAX_LENGTH);
		assertThat(analysis.normalizedText()).hasSizeLessThanOrEqualTo(NormalizedText.MAX_LENGTH);
	}

	@Test
	void markupIsReadAsTextAndNeverInterpreted() {
		String text = "<script>alert('差评')</script><b onclick=\"steal()\">味道很好</b><img src=x onerror=alert(1)>";
		CommentAnalysis analysis = analyzeSanely(text);
		assertThat(analysis.keyPhrases())
			.noneMatch((phrase) -> phrase.contains("script") || phrase.contains("onclick"));
		assertThat(analysis.clauses()).anyMatch((clause) -> clause.text().contains("味道很好"));
		assertThat(analysis.normalizedText()).contains("<script>");
	}

	@Test
	void controlCharactersAreIgnored() {
		CommentAnalysis analysis = analyzeSanely("\u0000\u0007好吃\u001b[31m\u0008很好\u007f");
		assertThat(analysis.label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(analysis.normalizedText()).doesNotContain("\u0000", "\u0007", "\u001b", "\u007f");
	}

	@Test
	void unpairedSurrogatesAreIgnored() {
		CommentAnalysis analysis = analyzeSanely("\uD83D好吃\uDE00很好\uD83D");
		assertThat(analysis.label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(analysis.normalizedText().chars().filter((c) -> Character.isSurrogate((char) c))).isEmpty();
		analyzeSanely("\uDE00");
		analyzeSanely("好" + "\uD83D".repeat(20));
	}

	@Test
	void mixedScriptsAreAnalysedClauseByClause() {
		CommentAnalysis analysis = analyzeSanely("味道很好 but the delivery was terribly slow");
		assertThat(analysis.language()).isEqualTo(Language.MIXED);
		assertThat(analysis.clauses()).hasSize(2);
		assertThat(analysis.clauses().get(0).label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(analysis.clauses().get(1).label()).isEqualTo(SentimentLabel.NEGATIVE);
		analyzeSanely("Ｆｕｌｌ－ｗｉｄｔｈ ｔｅｘｔ ｉｓ ｇｏｏｄ，ｒｅａｌｌｙ ｇｏｏｄ！");
		analyzeSanely("مرحبا שלום Привет 안녕하세요 こんにちは ไทย");
	}

	@Test
	void randomGarbageNeverThrows() {
		Random random = new Random(7);
		for (int n = 0; n < 2_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(60);
			for (int i = 0; i < length; i++) {
				text.append(switch (random.nextInt(6)) {
					case 0 -> (char) random.nextInt(0x80);
					case 1 -> (char) (0x4e00 + random.nextInt(0x5200));
					case 2 -> (char) (0xd800 + random.nextInt(0x800));
					case 3 -> "不没很太好差吗！？，。 ".charAt(random.nextInt(12));
					case 4 -> (char) random.nextInt(0x10000);
					default -> "notbadgood'-".charAt(random.nextInt(12));
				});
			}
			analyzeSanely(text.toString());
		}
	}

	@Test
	void sharedEngineGivesTheSameAnswersOnManyThreads() throws Exception {
		List<String> texts = List.of("送餐很快，味道不错", "等了一个多小时，饭都凉了！！！", "The staff were rude but the food was great",
				"服務態度很好", "😡😡", "难道你们不知道要放餐具吗", "Not bad at all, would order again");
		List<CommentAnalysis> expected = texts.stream().map(analyzer::analyze).toList();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				results.add(pool.submit(() -> {
					for (int round = 0; round < 200; round++) {
						for (int i = 0; i < texts.size(); i++) {
							if (!analyzer.analyze(texts.get(i)).equals(expected.get(i))) {
								return false;
							}
						}
					}
					return true;
				}));
			}
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
