package org.opencxm.text;

import java.time.Instant;
import java.util.List;

import org.opencxm.shared.LocalizedText;

/**
 * A workspace theme as the API shows it: comments whose clauses name one of the keywords,
 * or read like one of the example sentences, are tagged with its code.
 */
public record ThemeDefinition(String code, LocalizedText name, List<String> keywords, List<String> examples,
		Instant updatedAt) {

	public ThemeDefinition {
		keywords = List.copyOf(keywords);
		examples = List.copyOf(examples);
	}

	Theme engineTheme() {
		return new Theme(this.code, this.name.zh(), this.name.en(), this.keywords, this.examples);
	}

}
