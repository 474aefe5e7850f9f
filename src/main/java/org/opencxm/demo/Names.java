package org.opencxm.demo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Person names for demo customers and staff: common Chinese surnames and given names (the
 * most common surnames most often), and English names for customers who prefer English.
 * Each comes with the form an e-mail address is made of.
 */
record Names(List<String> surnames, List<String> givenNames, List<String> englishFirstNames,
		List<String> englishLastNames) {

	static Names load() {
		return DemoCatalog.read("names.json", Names.class);
	}

	Person chinese(RandomGenerator random) {
		// Skewed towards the start of the list, which holds the most common surnames.
		String[] surname = split(this.surnames.get((int) (this.surnames.size() * Math.pow(random.nextDouble(), 1.7))));
		String[] given = split(this.givenNames.get(random.nextInt(this.givenNames.size())));
		return new Person(surname[0] + given[0], surname[1] + "." + given[1]);
	}

	Person english(RandomGenerator random) {
		String first = this.englishFirstNames.get(random.nextInt(this.englishFirstNames.size()));
		String last = this.englishLastNames.get(random.nextInt(this.englishLastNames.size()));
		return new Person(first + " " + last, ascii(first) + "." + ascii(last));
	}

	private static String[] split(String entry) {
		String[] parts = entry.split(" ");
		return new String[] { parts[0], parts[1] };
	}

	private static String ascii(String name) {
		String plain = Normalizer.normalize(name.replace("ü", "ue"), Normalizer.Form.NFD);
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
	}

	/**
	 * A generated person: the name as written, and the part of an e-mail address before
	 * the {@code @}.
	 */
	record Person(String name, String mailbox) {

	}

}
