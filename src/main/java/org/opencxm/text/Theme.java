package org.opencxm.text;

import java.util.List;

/**
 * A workspace theme that comments are tagged with, such as "waiting time" or "staff
 * attitude".
 * <p>
 * A clause matches a theme when it contains one of the keywords (Chinese keywords as
 * substrings, English ones as whole words, plural {@code -s} allowed), or, failing that,
 * when it is close enough to one of the example sentences by character n-gram overlap.
 *
 * @param id the theme's identifier in its workspace
 * @param nameZh the Chinese name
 * @param nameEn the English name
 * @param keywords words in either language that name the theme
 * @param examples a few sentences customers write about the theme
 */
public record Theme(String id, String nameZh, String nameEn, List<String> keywords, List<String> examples) {

	public Theme {
		if (id.isBlank()) {
			throw new IllegalArgumentException("A theme needs an id");
		}
		keywords = keywords.stream().map(String::strip).filter((keyword) -> !keyword.isEmpty()).toList();
		examples = examples.stream().map(String::strip).filter((example) -> !example.isEmpty()).toList();
	}

}
