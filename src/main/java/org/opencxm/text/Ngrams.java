package org.opencxm.text;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The set of character n-grams of a text, for the similarity of a clause to a theme's
 * example sentences: bigrams within Chinese runs, trigrams within English words (padded,
 * so that short words count). Words of three letters or fewer are left out, as most are
 * function words.
 *
 * @param grams the distinct n-grams, each packed into a long, sorted
 */
record Ngrams(long[] grams) {

	private static final Ngrams NONE = new Ngrams(new long[0]);

	private static final long TRIGRAM = 1L << 62;

	/**
	 * The n-grams of {@code text[from, to)}.
	 * @param text the analysis text
	 * @param from the start
	 * @param to the end
	 * @return the n-grams
	 */
	static Ngrams of(String text, int from, int to) {
		long[] grams = new long[Math.max(0, 2 * (to - from))];
		int count = 0;
		int i = from;
		while (i < to) {
			char c = text.charAt(i);
			if (Scripts.isHan(c)) {
				int end = i;
				while (end < to && Scripts.isHan(text.charAt(end))) {
					end++;
				}
				if (end - i == 1) {
					grams[count++] = c;
				}
				for (int k = i; k + 1 < end; k++) {
					grams[count++] = ((long) text.charAt(k) << 16) | text.charAt(k + 1);
				}
				i = end;
			}
			else if (Scripts.isLatin(c)) {
				int end = i;
				while (end < to && Scripts.isLatin(text.charAt(end))) {
					end++;
				}
				if (end - i > 3) {
					for (int k = i - 1; k + 2 <= end; k++) {
						long a = (k < i) ? ' ' : text.charAt(k);
						long b = text.charAt(k + 1);
						long d = (k + 2 < end) ? text.charAt(k + 2) : ' ';
						grams[count++] = TRIGRAM | (a << 32) | (b << 16) | d;
					}
				}
				i = end;
			}
			else {
				i++;
			}
		}
		if (count == 0) {
			return NONE;
		}
		long[] sorted = Arrays.copyOf(grams, count);
		Arrays.sort(sorted);
		int distinct = 0;
		for (int k = 0; k < sorted.length; k++) {
			if (k == 0 || sorted[k] != sorted[k - 1]) {
				sorted[distinct++] = sorted[k];
			}
		}
		return new Ngrams(Arrays.copyOf(sorted, distinct));
	}

	int size() {
		return this.grams.length;
	}

	/**
	 * The Dice coefficient of two sets: twice the shared n-grams over the sum of both
	 * sizes.
	 * @param other the other set
	 * @return a similarity from 0 to 1
	 */
	double dice(Ngrams other) {
		long[] a = this.grams;
		long[] b = other.grams;
		if (a.length == 0 || b.length == 0) {
			return 0;
		}
		int shared = 0;
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				shared++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return 2.0 * shared / (a.length + b.length);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Ngrams ngrams && Arrays.equals(this.grams, ngrams.grams);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.grams);
	}

	@Override
	public String toString() {
		return "Ngrams" + Arrays.toString(this.grams);
	}

}
