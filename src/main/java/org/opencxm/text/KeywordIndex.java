package org.opencxm.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Finds keywords of both languages in a normalised text and reports the tags they stand
 * for.
 * <p>
 * Chinese has no spaces, so a Chinese keyword matches anywhere; an English keyword
 * matches whole words only, with a plural {@code s} or {@code es} allowed, so that "fee"
 * does not fire inside "coffee".
 *
 * @param <T> the tag type
 */
final class KeywordIndex<T> {

	private final CharTrie<Entry<T>> trie;

	private KeywordIndex(CharTrie<Entry<T>> trie) {
		this.trie = trie;
	}

	/**
	 * An index of keywords, each already lower case and in simplified characters.
	 * @param <T> the tag type
	 * @param keywords each keyword with the tags it stands for
	 * @return the index
	 */
	static <T> KeywordIndex<T> of(Map<String, List<T>> keywords) {
		Map<String, Entry<T>> entries = new HashMap<>();
		keywords.forEach((keyword, tags) -> {
			if (!keyword.isEmpty() && !tags.isEmpty()) {
				entries.put(keyword, new Entry<>(keyword, List.copyOf(tags), Scripts.isLatin(keyword.charAt(0))));
			}
		});
		return new KeywordIndex<>(CharTrie.of(entries));
	}

	/**
	 * Reports every keyword in {@code text[from, to)}.
	 * @param text the normalised text
	 * @param from the start of the range
	 * @param to the end of the range
	 * @param sink receives each keyword found and one of its tags, once per occurrence
	 * and tag
	 */
	void find(CharSequence text, int from, int to, BiConsumer<String, T> sink) {
		for (int i = from; i < to; i++) {
			if (Scripts.isLatin(text.charAt(i)) && i > from && Scripts.isWordChar(text.charAt(i - 1))) {
				continue;
			}
			this.trie.matchesAt(text, i, to, (end, entry) -> {
				if (!entry.latin || endsWord(text, end, to)) {
					entry.tags.forEach((tag) -> sink.accept(entry.keyword, tag));
				}
			});
		}
	}

	private static boolean endsWord(CharSequence text, int end, int to) {
		return boundary(text, end, to) || (end < to && text.charAt(end) == 's' && boundary(text, end + 1, to))
				|| (end + 1 < to && text.charAt(end) == 'e' && text.charAt(end + 1) == 's'
						&& boundary(text, end + 2, to));
	}

	private static boolean boundary(CharSequence text, int at, int to) {
		return at >= to || !Scripts.isWordChar(text.charAt(at));
	}

	/**
	 * Lists the keywords per tag, for building an index from sections of a word list.
	 * @param <T> the tag type
	 * @param byTag keywords for each tag
	 * @return tags for each keyword
	 */
	static <T> Map<String, List<T>> invert(Map<T, List<String>> byTag) {
		Map<String, List<T>> byKeyword = new HashMap<>();
		byTag.forEach((tag, words) -> words
			.forEach((word) -> byKeyword.computeIfAbsent(word, (key) -> new ArrayList<>()).add(tag)));
		return byKeyword;
	}

	private record Entry<T>(String keyword, List<T> tags, boolean latin) {

	}

}
