package org.opencxm.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word lists stay well-formed as people edit them.
 */
class WordListTests {

	private static final List<String> SENTIMENT = List.of("sentiment-zh.txt", "sentiment-en.txt", "emoji.txt");

	private static final List<String> MODIFIERS = List.of("modifiers-zh.txt", "modifiers-en.txt");

	private static List<String> entries(String list) throws IOException {
		try (InputStream in = WordListTests.class.getResourceAsStream(list)) {
			assertThat(in).as(list).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

	@Test
	void sentimentWeightsLieBetweenMinusThreeAndThree() throws IOException {
		for (String list : SENTIMENT) {
			for (String line : entries(list)) {
				String[] columns = line.split("\t");
				assertThat(columns.length).as(line).isBetween(2, 3);
				assertThat(Double.parseDouble(columns[1])).as(line).isBetween(-3.0, 3.0);
				assertThat(columns[0]).as(line).isEqualTo(columns[0].toLowerCase(Locale.ROOT));
			}
		}
	}

	@Test
	void noWordIsListedTwice() throws IOException {
		Map<String, String> seen = new HashMap<>();
		for (String list : SENTIMENT) {
			for (String line : entries(list)) {
				String word = line.split("\t")[0];
				assertThat(seen.put(word, list)).as(word).isNull();
			}
		}
		for (String list : MODIFIERS) {
			for (String line : entries(list)) {
				String word = line.split("\t")[1];
				assertThat(seen.put(word, list)).as(word + " in " + list).isNull();
			}
		}
	}

	@Test
	void everyListLoads() {
		Lexicon lexicon = Lexicon.load();
		assertThat(lexicon.han().get("好吃")).isInstanceOf(Cue.Polar.class);
		assertThat(lexicon.han().get("不")).isInstanceOf(Cue.Negator.class);
		assertThat(lexicon.latin("not")).isInstanceOf(Cue.Negator.class);
		assertThat(lexicon.latinWord("disappoints")).isInstanceOf(Cue.Polar.class);
		assertThat(lexicon.symbols().get("👍")).isInstanceOf(Cue.Polar.class);
		assertThat(lexicon.isStopword("the")).isTrue();
	}

}
