package org.opencxm.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each sentiment rule, with small hand-written examples in both languages.
 */
class SentimentRulesTests {

	private static final TextAnalyzer analyzer = new TextAnalyzer();

	private static double score(String text) {
		return analyzer.analyze(text).score();
	}

	@Test
	void plainWordsCarryTheirSentiment() {
		assertThat(score("好吃")).isGreaterThan(0.5);
		assertThat(score("难吃")).isLessThan(-0.5);
		assertThat(score("The staff were friendly")).isGreaterThan(0.5);
		assertThat(score("The room was dirty")).isLessThan(-0.5);
	}

	@Test
	void ratingsReadAsWords() {
		assertThat(score("10/10")).isPositive();
		assertThat(score("1/10")).isNegative();
		assertThat(score("五星好评")).isPositive();
		assertThat(score("一星")).isNegative();
	}

	@Test
	void textWithoutSentimentWordsIsNeutral() {
		CommentAnalysis analysis = analyzer.analyze("我下午三点点的外卖");
		assertThat(analysis.score()).isZero();
		assertThat(analysis.label()).isEqualTo(SentimentLabel.NEUTRAL);
		assertThat(analyzer.analyze("I ordered at three in the afternoon").label()).isEqualTo(SentimentLabel.NEUTRAL);
	}

	@Test
	void negationFlipsPositiveWord() {
		assertThat(score("不好吃")).isLessThan(-0.4);
		assertThat(score("没有想象中好吃")).isLessThan(-0.3);
		assertThat(score("并不满意")).isLessThan(-0.4);
		assertThat(score("It is not good")).isLessThan(-0.4);
		assertThat(score("I don't like it")).isLessThan(-0.3);
		assertThat(score("I would never recommend them")).isLessThan(-0.3);
		assertThat(score("The app isn't useful")).isLessThan(-0.3);
	}

	@Test
	void negatedNegativeWordIsMildlyPositive() {
		assertThat(score("不难吃")).isBetween(0.1, 0.6);
		assertThat(score("没有异味")).isBetween(0.1, 0.6);
		assertThat(score("not bad")).isBetween(0.1, 0.6);
		assertThat(score("no problems at all")).isPositive();
	}

	@Test
	void negatedStrongPraiseIsOnlyPlainlyNegative() {
		assertThat(score("not the best")).isNegative().isEqualTo(score("not good"));
		assertThat(score("not the best")).isGreaterThan(score("the worst"));
	}

	@Test
	void softNegationIsWeakerThanPlainNegation() {
		assertThat(score("不太好吃")).isNegative().isGreaterThan(score("不好吃"));
		assertThat(score("不是很好吃")).isNegative().isGreaterThan(score("不好吃"));
		assertThat(score("not very good")).isNegative().isGreaterThan(score("not good"));
	}

	@Test
	void degreeBeforeNegationSharpensIt() {
		assertThat(score("很不好吃")).isLessThan(score("不好吃"));
		assertThat(score("really not good")).isLessThan(score("not good"));
	}

	@Test
	void degreeAdverbsStrengthenAndSoften() {
		assertThat(score("非常好吃")).isGreaterThan(score("好吃"));
		assertThat(score("特别满意")).isGreaterThan(score("满意"));
		assertThat(score("有点咸")).isNegative().isGreaterThan(score("咸"));
		assertThat(score("稍微有点贵")).isNegative().isGreaterThan(score("贵"));
		assertThat(score("extremely helpful")).isGreaterThan(score("helpful"));
		assertThat(score("very slow")).isLessThan(score("slow"));
		assertThat(score("slightly slow")).isNegative().isGreaterThan(score("slow"));
		assertThat(score("a bit noisy")).isNegative().isGreaterThan(score("noisy"));
	}

	@Test
	void degreeAfterTheWordStrengthensIt() {
		assertThat(score("难吃死了")).isLessThan(score("难吃"));
		assertThat(score("好吃极了")).isGreaterThan(score("好吃"));
	}

	@Test
	void goodBeforeAnotherSentimentWordIsADegreeAdverb() {
		assertThat(score("好好吃")).isGreaterThan(score("好吃"));
		assertThat(score("好慢")).isLessThan(score("慢"));
		assertThat(score("super fast")).isGreaterThan(score("fast"));
	}

	@Test
	void contrastMakesTheLaterClauseWeighMore() {
		assertThat(score("好吃但是送餐太慢")).isNegative();
		assertThat(score("送餐太慢了，不过味道真的很好")).isPositive();
		assertThat(score("可是")).isZero();
		assertThat(score("The food was great but the delivery was very slow")).isNegative();
		assertThat(score("The wait was long, however the food was excellent")).isPositive();
	}

	@Test
	void concessiveClauseWeighsLess() {
		assertThat(score("虽然有点贵，味道很好")).isPositive();
		assertThat(score("Although the staff were friendly, the room was filthy")).isNegative();
	}

	@Test
	void contrastAtTheStartOfASentenceDiscountsTheSentenceBefore() {
		assertThat(score("Good food. But the service was awful.")).isNegative();
	}

	@Test
	void excessBeforeAWordWithoutSentimentIsAComplaint() {
		assertThat(score("太甜了")).isNegative();
		assertThat(score("分量太少了")).isNegative();
		assertThat(score("太好吃了")).isGreaterThan(score("好吃"));
		assertThat(score("too small")).isNegative();
		assertThat(score("too sweet")).isNegative();
	}

	@Test
	void scalarFollowsTheAttributeItDescribes() {
		assertThat(score("价格高")).isNegative();
		assertThat(score("价格很低")).isPositive();
		assertThat(score("性价比高")).isPositive();
		assertThat(score("分量很足")).isPositive();
		assertThat(score("分量不多")).isNegative();
		assertThat(score("high quality")).isPositive();
		assertThat(score("the prices are high")).isNegative();
	}

	@Test
	void waitingWithASpanOfTimeIsAComplaint() {
		assertThat(score("等了一个多小时")).isLessThan(-0.5);
		assertThat(score("等了二十分钟")).isNegative().isGreaterThan(score("等了一个多小时"));
		assertThat(score("等了")).isZero();
		assertThat(score("We waited two hours for our food")).isLessThan(-0.5);
	}

	@Test
	void chineseComplaintPatternsAreNegative() {
		assertThat(score("怎么还没到")).isNegative();
		assertThat(score("还要自己下楼拿")).isNegative();
		assertThat(score("还要等半个小时")).isNegative();
		assertThat(score("下次还要再来")).isPositive();
		assertThat(score("没送餐具")).isNegative();
	}

	@Test
	void rhetoricalQuestionTurnsTheLiteralSentimentAround() {
		assertThat(score("难道这就是好评店吗")).isNegative();
		assertThat(score("难道你们不知道要放餐具吗")).isNegative();
		assertThat(score("怎么能这样对待顾客")).isNegative();
		assertThat(score("不是说半小时送到吗")).isNegative();
		assertThat(score("How could they call this good service?")).isNegative();
	}

	@Test
	void plainQuestionHalvesPraise() {
		assertThat(score("好吃吗？")).isPositive().isLessThan(score("好吃"));
		assertThat(score("Is it good?")).isPositive().isLessThan(score("It is good"));
	}

	@Test
	void emojiCarrySentiment() {
		assertThat(score("😊👍")).isPositive();
		assertThat(score("😡👎")).isNegative();
		assertThat(score("送餐很快😊")).isGreaterThan(score("送餐很快"));
		assertThat(score("Great :)")).isGreaterThan(score("Great"));
		assertThat(score("还行吧😡")).isNegative();
	}

	@Test
	void repeatedPunctuationIntensifies() {
		assertThat(score("太慢了！！！")).isLessThan(score("太慢了"));
		assertThat(score("So bad!!!")).isLessThan(score("So bad"));
		assertThat(analyzer.analyze("太慢了！！！").intensity()).isGreaterThan(analyzer.analyze("太慢了").intensity());
		assertThat(score("我的饭呢???")).isNegative();
	}

	@Test
	void intensityGrowsWithStrengthEitherWay() {
		assertThat(analyzer.analyze("非常非常难吃").intensity()).isGreaterThan(analyzer.analyze("有点难吃").intensity());
		assertThat(analyzer.analyze("好吃，但是太贵").intensity()).isGreaterThan(analyzer.analyze("好吃，但是太贵").score());
		assertThat(analyzer.analyze("外卖").intensity()).isZero();
	}

	@Test
	void summingUpClauseWeighsMore() {
		assertThat(score("送餐有点慢，总的来说很满意")).isPositive();
		assertThat(score("Delivery was a bit slow. Overall, very happy.")).isPositive();
	}

	@Test
	void inflectedEnglishFormsFindTheirListedWord() {
		assertThat(score("It disappoints")).isNegative();
		assertThat(score("They frustrated me")).isNegative();
	}

	@Test
	void scoresAndLabelsStayInRange() {
		CommentAnalysis analysis = analyzer.analyze("太太太太好吃了！！！！！😍😍😍😍超级无敌好吃，强烈推荐！！！");
		assertThat(analysis.score()).isBetween(-1.0, 1.0);
		assertThat(analysis.intensity()).isBetween(0.0, 1.0);
		assertThat(analysis.label()).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(SentimentLabel.of(0.1)).isEqualTo(SentimentLabel.POSITIVE);
		assertThat(SentimentLabel.of(0.0999)).isEqualTo(SentimentLabel.NEUTRAL);
		assertThat(SentimentLabel.of(-0.1)).isEqualTo(SentimentLabel.NEGATIVE);
	}

}
