package org.opencxm.text;

import java.util.Arrays;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A read-only trie over UTF-16 characters, for dictionary matching at every position of a
 * text.
 * <p>
 * Children are kept in sorted arrays and found by binary search, so a lookup boxes
 * nothing and a trie of a few thousand words stays small.
 *
 * @param <V> the value stored at the end of each word
 */
final class CharTrie<V> {

	private final Node<V> root;

	private CharTrie(Node<V> root) {
		this.root = root;
	}

	/**
	 * A trie holding the given words. Empty words are ignored.
	 * @param <V> the value type
	 * @param words words and their values
	 * @return the trie
	 */
	static <V> CharTrie<V> of(Map<String, V> words) {
		Node<V> root = new Node<>();
		words.forEach((word, value) -> {
			if (!word.isEmpty()) {
				Node<V> node = root;
				for (int i = 0; i < word.length(); i++) {
					node = node.childOrAdd(word.charAt(i));
				}
				node.value = value;
			}
		});
		return new CharTrie<>(root);
	}

	/**
	 * Reports every word that starts at {@code from} and ends at or before {@code to},
	 * shortest first.
	 * @param text the text
	 * @param from where the words start
	 * @param to the end of the text to consider
	 * @param sink receives the end offset and value of each word
	 */
	void matchesAt(CharSequence text, int from, int to, Sink<V> sink) {
		Node<V> node = this.root;
		for (int i = from; i < to; i++) {
			node = node.child(text.charAt(i));
			if (node == null) {
				return;
			}
			if (node.value != null) {
				sink.accept(i + 1, node.value);
			}
		}
	}

	/**
	 * Collects every word that starts at {@code from}, shortest first, into the given
	 * arrays.
	 * @param text the text
	 * @param from where the words start
	 * @param to the end of the text to consider; no word longer than the arrays may fit
	 * @param ends receives the end offset of each word
	 * @param values receives the value of each word
	 * @return how many words were found
	 */
	int matchesAt(CharSequence text, int from, int to, int[] ends, V[] values) {
		Node<V> node = this.root;
		int found = 0;
		for (int i = from; i < to && found < ends.length; i++) {
			node = node.child(text.charAt(i));
			if (node == null) {
				break;
			}
			if (node.value != null) {
				ends[found] = i + 1;
				values[found] = node.value;
				found++;
			}
		}
		return found;
	}

	/**
	 * The end offset of the longest word starting at {@code from}.
	 * @param text the text
	 * @param from where the word starts
	 * @param to the end of the text to consider
	 * @return the end offset, or -1 when no word starts there
	 */
	int longestAt(CharSequence text, int from, int to) {
		Node<V> node = this.root;
		int end = -1;
		for (int i = from; i < to; i++) {
			node = node.child(text.charAt(i));
			if (node == null) {
				break;
			}
			if (node.value != null) {
				end = i + 1;
			}
		}
		return end;
	}

	/**
	 * The value of an exact word.
	 * @param word the word
	 * @return its value, or {@code null} when absent
	 */
	@Nullable V get(CharSequence word) {
		Node<V> node = this.root;
		for (int i = 0; i < word.length() && node != null; i++) {
			node = node.child(word.charAt(i));
		}
		return (node != null) ? node.value : null;
	}

	/**
	 * Receives a match.
	 *
	 * @param <V> the value type
	 */
	@FunctionalInterface
	interface Sink<V> {

		void accept(int end, V value);

	}

	private static final class Node<V> {

		private char[] keys = new char[0];

		@SuppressWarnings("unchecked")
		private Node<V>[] children = new Node[0];

		private @Nullable V value;

		@Nullable Node<V> child(char key) {
			int index = Arrays.binarySearch(this.keys, key);
			return (index >= 0) ? this.children[index] : null;
		}

		Node<V> childOrAdd(char key) {
			int index = Arrays.binarySearch(this.keys, key);
			if (index >= 0) {
				return this.children[index];
			}
			int at = -index - 1;
			char[] keys = new char[this.keys.length + 1];
			@SuppressWarnings("unchecked")
			Node<V>[] children = new Node[keys.length];
			System.arraycopy(this.keys, 0, keys, 0, at);
			System.arraycopy(this.children, 0, children, 0, at);
			keys[at] = key;
			children[at] = new Node<>();
			System.arraycopy(this.keys, at, keys, at + 1, this.keys.length - at);
			System.arraycopy(this.children, at, children, at + 1, this.children.length - at);
			this.keys = keys;
			this.children = children;
			return children[at];
		}

	}

}
