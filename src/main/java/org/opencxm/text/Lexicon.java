package org.opencxm.text;

import org.opencxm.shared.SemModule;
import org.opencxm.shared.ExperienceFactor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The project's word lists, loaded once from {@code src/main/resources/org/opencxm/text}.
 * <p>
 * Every list is plain UTF-8 text, one entry a line, {@code #} starting a comment. Chinese
 * entries go into a character trie, English ones into a map of words and phrases, emoji
 * and emoticons into a trie of symbols; the rules then see one kind of {@link Cue}
 * whatever the language.
 */
final class Lexicon {

	private final CharTrie<Cue> han;

	private final Map<String, Cue> latin;

	private final Map<String, Integer> phraseWords;

	private final CharTrie<Cue> symbols;

	private final KeywordIndex<ExperienceFactor> factors;

	private final KeywordIndex<SemModule> modules;

	private final Set<String> stopwords;

	private Lexicon(Map<String, Cue> cues, KeywordIndex<ExperienceFactor> factors, KeywordIndex<SemModule> modules,
			Set<String> stopwords) {
		Map<String, Cue> han = new HashMap<>();
		Map<String, Cue> latin = new HashMap<>();
		Map<String, Cue> symbols = new HashMap<>();
		Map<String, Integer> phraseWords = new HashMap<>();
		cues.forEach((word, cue) -> {
			char first = word.charAt(0);
			if (Scripts.isHan(first)) {
				han.put(word, cue);
			}
			else if (Scripts.isWordChar(first)) {
				latin.put(word, cue);
				String[] words = word.split(" ");
				phraseWords.merge(words[0], words.length, Math::max);
			}
			else {
				symbols.put(word, cue);
			}
		});
		this.han = CharTrie.of(han);
		this.latin = Map.copyOf(latin);
		this.phraseWords = Map.copyOf(phraseWords);
		this.symbols = CharTrie.of(symbols);
		this.factors = factors;
		this.modules = modules;
		this.stopwords = Set.copyOf(stopwords);
	}

	/**
	 * Loads the project's lists.
	 * @return the lexicon
	 */
	static Lexicon load() {
		Map<String, Cue> cues = new HashMap<>();
		for (String list : List.of("sentiment-zh.txt", "sentiment-en.txt", "emoji.txt")) {
			lines(list).forEach((line) -> putSentiment(cues, line));
		}
		for (String list : List.of("modifiers-zh.txt", "modifiers-en.txt")) {
			lines(list).forEach((line) -> putModifier(cues, line, list));
		}
		KeywordIndex<ExperienceFactor> factors = KeywordIndex
			.of(KeywordIndex.invert(sections("factors.txt", ExperienceFactor.class)));
		KeywordIndex<SemModule> modules = KeywordIndex
			.of(KeywordIndex.invert(sections("sem-modules.txt", SemModule.class)));
		return new Lexicon(cues, factors, modules, new HashSet<>(lines("stopwords-en.txt")));
	}

	CharTrie<Cue> han() {
		return this.han;
	}

	CharTrie<Cue> symbols() {
		return this.symbols;
	}

	KeywordIndex<ExperienceFactor> factors() {
		return this.factors;
	}

	KeywordIndex<SemModule> modules() {
		return this.modules;
	}

	boolean isStopword(String word) {
		return this.stopwords.contains(word);
	}

	/**
	 * The most words a phrase starting with this word has.
	 * @param word a lower-case word
	 * @return 0 when no entry starts with it
	 */
	int phraseWords(String word) {
		return this.phraseWords.getOrDefault(word, 0);
	}

	/**
	 * The cue of an English word or phrase, exactly as listed.
	 * @param phrase lower-case words separated by single spaces
	 * @return the cue, or {@code null}
	 */
	@Nullable Cue latin(String phrase) {
		return this.latin.get(phrase);
	}

	/**
	 * The cue of an English word, trying the forms it may be inflected from when it is
	 * not listed itself. Only sentiment carries over to an inflected form: "disappoints"
	 * is as negative as "disappoint", while "nots" means nothing.
	 * @param word a lower-case word
	 * @return the cue, or {@code null}
	 */
	@Nullable Cue latinWord(String word) {
		Cue cue = this.latin.get(word);
		if (cue != null) {
			return cue;
		}
		for (String stem : stems(word)) {
			if (this.latin.get(stem) instanceof Cue.Polar polar) {
				return polar;
			}
		}
		return null;
	}

	private static List<String> stems(String word) {
		List<String> stems = new ArrayList<>(4);
		int n = word.length();
		if (n < 4) {
			return stems;
		}
		if (word.endsWith("'s")) {
			stems.add(word.substring(0, n - 2));
		}
		else if (word.endsWith("ies")) {
			stems.add(word.substring(0, n - 3) + "y");
		}
		else if (word.endsWith("es")) {
			stems.add(word.substring(0, n - 2));
			stems.add(word.substring(0, n - 1));
		}
		else if (word.endsWith("s") && !word.endsWith("ss")) {
			stems.add(word.substring(0, n - 1));
		}
		else if (word.endsWith("ied")) {
			stems.add(word.substring(0, n - 3) + "y");
		}
		else if (word.endsWith("ed")) {
			stems.add(word.substring(0, n - 2));
			stems.add(word.substring(0, n - 1));
			if (n > 5 && word.charAt(n - 3) == word.charAt(n - 4)) {
				stems.add(word.substring(0, n - 3));
			}
		}
		else if (word.endsWith("ing") && n > 5) {
			stems.add(word.substring(0, n - 3));
			stems.add(word.substring(0, n - 3) + "e");
			if (word.charAt(n - 4) == word.charAt(n - 5)) {
				stems.add(word.substring(0, n - 4));
			}
		}
		else if (word.endsWith("ily")) {
			stems.add(word.substring(0, n - 3) + "y");
		}
		else if (word.endsWith("bly")) {
			stems.add(word.substring(0, n - 1) + "e");
		}
		else if (word.endsWith("ly")) {
			stems.add(word.substring(0, n - 2));
		}
		else if (word.endsWith("ness")) {
			stems.add(word.substring(0, n - 4));
		}
		return stems;
	}

	private static void putSentiment(Map<String, Cue> cues, String line) {
		String[] columns = line.split("\t");
		String word = columns[0].toLowerCase(Locale.ROOT);
		double weight = (columns.length > 1) ? Double.parseDouble(columns[1]) : 0;
		Cue.Role role = (columns.length > 2) ? Cue.Role.valueOf(columns[2].toUpperCase(Locale.ROOT)) : Cue.Role.PLAIN;
		cues.put(word, (weight == 0) ? Cue.NEUTRAL : new Cue.Polar(weight, role));
	}

	private static void putModifier(Map<String, Cue> cues, String line, String list) {
		String[] columns = line.split("\t");
		String kind = columns[0];
		String word = columns[1].toLowerCase(Locale.ROOT);
		Cue cue = switch (kind) {
			case "negator" -> new Cue.Negator(number(columns, 2, 1), number(columns, 3, 0),
					columns.length > 4 && columns[4].equals("rhetorical"));
			case "degree" -> new Cue.Degree(number(columns, 2, 1.3), false, false);
			case "post" -> new Cue.Degree(number(columns, 2, 1.3), true, false);
			case "excess" -> new Cue.Degree(number(columns, 2, 1.5), false, true);
			case "contrast" -> new Cue.Contrast(false, true);
			case "initial-contrast" -> new Cue.Contrast(false, false);
			case "concession" -> new Cue.Contrast(true, true);
			case "summary" -> new Cue.Summary();
			case "rhetoric" -> new Cue.Rhetoric();
			case "question" -> new Cue.Question();
			case "wait" -> new Cue.Wait(number(columns, 2, -2));
			case "unit" -> new Cue.TimeUnit(number(columns, 2, 1));
			case "attribute" -> new Cue.Attribute((int) number(columns, 2, 1));
			case "scalar" -> new Cue.Scalar((int) number(columns, 2, 1), number(columns, 3, 0));
			case "neutral" -> Cue.NEUTRAL;
			default -> throw new IllegalStateException("Unknown kind '" + kind + "' in " + list + ": " + line);
		};
		cues.put(word, cue);
	}

	private static double number(String[] columns, int index, double fallback) {
		return (columns.length > index && !columns[index].isBlank()) ? Double.parseDouble(columns[index]) : fallback;
	}

	private static <E extends Enum<E>> Map<E, List<String>> sections(String list, Class<E> type) {
		Map<E, List<String>> sections = new EnumMap<>(type);
		E current = null;
		for (String line : lines(list)) {
			if (line.startsWith("[") && line.endsWith("]")) {
				current = Enum.valueOf(type, line.substring(1, line.length() - 1).toUpperCase(Locale.ROOT));
			}
			else if (current != null) {
				sections.computeIfAbsent(current, (key) -> new ArrayList<>()).add(line.toLowerCase(Locale.ROOT));
			}
		}
		return sections;
	}

	private static List<String> lines(String list) {
		try (InputStream in = Lexicon.class.getResourceAsStream(list)) {
			if (in == null) {
				throw new IllegalStateException("Word list " + list + " is missing from the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			return reader.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
