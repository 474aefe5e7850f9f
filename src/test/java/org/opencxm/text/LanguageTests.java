package org.opencxm.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Language detection and the normalisation of traditional characters.
 */
class LanguageTests {

	private static final TextAnalyzer analyzer = new TextAnalyzer();

	@Test
	void detectsSimplifiedChinese() {
		assertThat(analyzer.detectLanguage("送餐很快，味道不错")).isEqualTo(Language.CHINESE_SIMPLIFIED);
	}

	@Test
	void detectsTraditionalChinese() {
		assertThat(analyzer.detectLanguage("服務態度很好，下次還會再來")).isEqualTo(Language.CHINESE_TRADITIONAL);
		assertThat(analyzer.detectLanguage("這家銀行的櫃員很親切")).isEqualTo(Language.CHINESE_TRADITIONAL);
	}

	@Test
	void detectsEnglish() {
		assertThat(analyzer.detectLanguage("The delivery was quick and the food was hot")).isEqualTo(Language.ENGLISH);
	}

	@Test
	void detectsMixedText() {
		assertThat(analyzer.detectLanguage("服务很好 but the food was cold")).isEqualTo(Language.MIXED);
	}

	@Test
	void aFewEnglishWordsInChineseStayChinese() {
		assertThat(analyzer.detectLanguage("这个app很好用，就是有点卡")).isEqualTo(Language.CHINESE_SIMPLIFIED);
	}

	@Test
	void textWithoutWordsHasNoLanguage() {
		assertThat(analyzer.detectLanguage("")).isEqualTo(Language.UNKNOWN);
		assertThat(analyzer.detectLanguage("😊👍")).isEqualTo(Language.UNKNOWN);
		assertThat(analyzer.detectLanguage("12345 !!! ???")).isEqualTo(Language.UNKNOWN);
		assertThat(analyzer.detectLanguage(null)).isEqualTo(Language.UNKNOWN);
	}

	@Test
	void languageTagsFollowBcp47() {
		assertThat(Language.CHINESE_SIMPLIFIED.tag()).isEqualTo("zh-CN");
		assertThat(Language.CHINESE_TRADITIONAL.tag()).isEqualTo("zh-TW");
		assertThat(Language.ENGLISH.tag()).isEqualTo("en");
		assertThat(Language.CHINESE_TRADITIONAL.isChinese()).isTrue();
		assertThat(Language.MIXED.isChinese()).isFalse();
	}

	@Test
	void traditionalTextIsNormalisedToSimplified() {
		CommentAnalysis analysis = analyzer.analyze("服務態度很好，下次還會再來");
		assertThat(analysis.normalizedText()).isEqualTo("服务态度很好，下次还会再来");
		assertThat(analyzer.toSimplified("這裡的環境很乾淨")).isEqualTo("这里的环境很干净");
	}

	@Test
	void traditionalTextIsAnalysedLikeSimplified() {
		CommentAnalysis traditional = analyzer.analyze("等了一個多小時，飯都涼了，態度還很差");
		CommentAnalysis simplified = analyzer.analyze("等了一个多小时，饭都凉了，态度还很差");
		assertThat(traditional.score()).isEqualTo(simplified.score());
		assertThat(traditional.factors()).isEqualTo(simplified.factors());
	}

	@Test
	void offsetsOfTraditionalTextPointIntoTheOriginal() {
		String text = "服務態度很好，下次還會再來";
		for (ClauseAnalysis clause : analyzer.analyze(text).clauses()) {
			assertThat(text.substring(clause.start(), clause.end())).isEqualTo(clause.text());
		}
		assertThat(analyzer.analyze(text).clauses().get(0).text()).isEqualTo("服務態度很好，");
	}

	@Test
	void simplifiedTextKeepsItsCharacters() {
		assertThat(analyzer.analyze("著名的老字号，乾隆年间就有了").normalizedText()).isEqualTo("著名的老字号，乾隆年间就有了");
	}

}
