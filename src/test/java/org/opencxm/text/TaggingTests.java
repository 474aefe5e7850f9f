package org.opencxm.text;

import org.opencxm.shared.SemModule;
import org.opencxm.shared.ExperienceFactor;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Experience factors, SEM modules, workspace themes and key phrases.
 */
class TaggingTests {

	private static final TextAnalyzer analyzer = new TextAnalyzer();

	private static final ThemeCatalog themes = ThemeCatalog.of(List.of(
			new Theme("waiting", "等待时间", "Waiting time", List.of("排队", "等太久", "wait time"),
					List.of("送餐太慢了，等了一个小时", "The queue at the branch took forever")),
			new Theme("staff", "员工态度", "Staff attitude", List.of("态度", "服务员", "staff"), List.of()),
			new Theme("packaging", "包装", "Packaging", List.of("包裝"), List.of("汤洒了一地"))));

	private static List<ExperienceFactor> factors(String clause) {
		return analyzer.analyze(clause).clauses().get(0).factors();
	}

	private static List<SemModule> modules(String clause) {
		return analyzer.analyze(clause).clauses().get(0).semModules();
	}

	@Test
	void tagsEachClauseWithItsExperienceFactors() {
		CommentAnalysis analysis = analyzer.analyze("菜的味道很好，骑手态度也不错，就是配送费有点贵");
		assertThat(analysis.clauses()).hasSize(3);
		assertThat(analysis.clauses().get(0).factors()).containsExactly(ExperienceFactor.PRODUCT);
		assertThat(analysis.clauses().get(1).factors()).containsExactly(ExperienceFactor.SERVICE);
		assertThat(analysis.clauses().get(2).factors()).contains(ExperienceFactor.PRICE);
		assertThat(analysis.factors()).contains(ExperienceFactor.PRODUCT, ExperienceFactor.SERVICE,
				ExperienceFactor.PRICE);
	}

	@Test
	void tagsFactorsAcrossDomains() {
		assertThat(factors("网点排队太久了")).contains(ExperienceFactor.CONVENIENCE);
		assertThat(factors("置业顾问很专业")).contains(ExperienceFactor.SERVICE);
		assertThat(factors("这个楼盘的户型很好")).contains(ExperienceFactor.PRODUCT);
		assertThat(factors("老客户了，积分却不能用")).contains(ExperienceFactor.RELATIONSHIP);
		assertThat(factors("大品牌，口碑不错")).contains(ExperienceFactor.BRAND_IMAGE);
		assertThat(factors("The battery life is great")).contains(ExperienceFactor.PRODUCT);
		assertThat(factors("Customer support never replied")).contains(ExperienceFactor.SERVICE);
		assertThat(factors("I have been a loyal member for years")).contains(ExperienceFactor.RELATIONSHIP);
		assertThat(factors("The app is easy to use")).contains(ExperienceFactor.CONVENIENCE);
		assertThat(factors("Way too expensive for what you get")).contains(ExperienceFactor.PRICE);
	}

	@Test
	void englishKeywordsMatchWholeWordsOnly() {
		assertThat(factors("I had a coffee")).doesNotContain(ExperienceFactor.PRICE);
		assertThat(factors("The fees are hidden")).contains(ExperienceFactor.PRICE);
	}

	@Test
	void tagsEachClauseWithItsSemModules() {
		assertThat(modules("汤很香，颜色也好看")).contains(SemModule.SENSE);
		assertThat(modules("收到的时候特别开心")).contains(SemModule.FEEL);
		assertThat(modules("设计很巧妙，没想到还能这样用")).contains(SemModule.THINK);
		assertThat(modules("试驾体验很棒")).contains(SemModule.ACT);
		assertThat(modules("推荐给朋友和家人了")).contains(SemModule.RELATE);
		assertThat(modules("It tastes amazing")).contains(SemModule.SENSE);
		assertThat(modules("I felt so frustrated")).contains(SemModule.FEEL);
		assertThat(modules("Such a clever idea")).contains(SemModule.THINK);
		assertThat(modules("We tried the test drive")).contains(SemModule.ACT);
		assertThat(modules("Shared it with my friends")).contains(SemModule.RELATE);
	}

	@Test
	void clauseWithoutKeywordsHasNoTags() {
		ClauseAnalysis clause = analyzer.analyze("嗯嗯").clauses().get(0);
		assertThat(clause.factors()).isEmpty();
		assertThat(clause.semModules()).isEmpty();
		assertThat(clause.themeIds()).isEmpty();
	}

	@Test
	void matchesThemesByKeywordWithTheClause() {
		CommentAnalysis analysis = analyzer.analyze("味道不错，服务员态度很差", themes);
		assertThat(analysis.themes()).singleElement().satisfies((match) -> {
			assertThat(match.themeId()).isEqualTo("staff");
			assertThat(match.clauseIndex()).isEqualTo(1);
			assertThat(match.via()).isEqualTo(ThemeMatch.Via.KEYWORD);
			assertThat(match.score()).isEqualTo(1.0);
		});
		assertThat(analysis.clauses().get(1).themeIds()).containsExactly("staff");
		assertThat(analysis.clauses().get(0).themeIds()).isEmpty();
		assertThat(analysis.themeIds()).containsExactly("staff");
	}

	@Test
	void matchesEnglishThemeKeywordsInPlural() {
		assertThat(analyzer.analyze("Wait times are terrible", themes).themeIds()).containsExactly("waiting");
	}

	@Test
	void traditionalThemeKeywordsMatchSimplifiedText() {
		assertThat(analyzer.analyze("包装很用心", themes).themeIds()).containsExactly("packaging");
	}

	@Test
	void fallsBackOnSimilarityToExampleSentences() {
		CommentAnalysis analysis = analyzer.analyze("味道还行，配送太慢了", themes);
		assertThat(analysis.themes()).singleElement().satisfies((match) -> {
			assertThat(match.themeId()).isEqualTo("waiting");
			assertThat(match.clauseIndex()).isEqualTo(1);
			assertThat(match.via()).isEqualTo(ThemeMatch.Via.SIMILARITY);
			assertThat(match.score()).isGreaterThanOrEqualTo(ThemeCatalog.SIMILARITY_THRESHOLD);
			assertThat(match.evidence()).isEqualTo("送餐太慢了，等了一个小时");
		});
		assertThat(analyzer.analyze("The queue took forever", themes).themeIds()).containsExactly("waiting");
	}

	@Test
	void unrelatedClausesMatchNoTheme() {
		assertThat(analyzer.analyze("味道很好，分量也足", themes).themes()).isEmpty();
		assertThat(analyzer.analyze("味道很好", ThemeCatalog.empty()).themes()).isEmpty();
	}

	@Test
	void themesNeedAnId() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new Theme(" ", "名", "name", List.of(), List.of()));
		assertThat(new Theme("t", "名", "name", List.of(" 排队 ", ""), List.of()).keywords()).containsExactly("排队");
	}

	@Test
	void extractsChineseKeyPhrases() {
		CommentAnalysis analysis = analyzer.analyze("服务态度很好，配送速度也快，包装很精致");
		assertThat(analysis.keyPhrases()).contains("服务态度", "包装").hasSizeLessThanOrEqualTo(TextAnalyzer.KEY_PHRASES);
		assertThat(analysis.keyPhrases()).doesNotContain("很好", "精致");
	}

	@Test
	void extractsEnglishKeyPhrases() {
		CommentAnalysis analysis = analyzer.analyze("Great battery life, but the screen protector cracked.");
		assertThat(analysis.keyPhrases()).contains("battery life", "screen protector");
		assertThat(analysis.keyPhrases()).doesNotContain("great", "the");
	}

}
