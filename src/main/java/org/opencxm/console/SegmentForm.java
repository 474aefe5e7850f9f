package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.opencxm.segments.Segment;
import org.opencxm.shared.LocalizedText;

/**
 * The segment form: names, and the rule either as rows of conditions ({@code mode} rows)
 * or as JSON text (see docs/api/segments.md) for rules the rows cannot show. Either way
 * the segments service reads and checks the rule. A form without a mode holds JSON.
 */
record SegmentForm(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn,
		@Nullable String descriptionZh, @Nullable String descriptionEn, @Nullable String rule, @Nullable String mode,
		@Nullable String combine, @Nullable List<@Nullable RuleRow> rows) {

	static final String ROWS = "rows";

	static final String JSON = "json";

	static final String STARTER = """
			{"all": [
			  {"field": "valueTier", "in": ["VIP", "HIGH"]}
			]}""";

	static SegmentForm empty() {
		return new SegmentForm(null, null, null, null, null, STARTER, ROWS, RuleRows.ALL,
				List.of(new RuleRow("valueTier", null, "in", "VIP, HIGH", false)));
	}

	/** The segment's form, with rows if they can show its rule. */
	static SegmentForm of(Segment segment, String rule, @Nullable RuleRows rows) {
		LocalizedText description = segment.description();
		return new SegmentForm(segment.code(), segment.name().zh(), segment.name().en(),
				(description != null) ? description.zh() : null, (description != null) ? description.en() : null, rule,
				(rows != null) ? ROWS : JSON, (rows != null) ? rows.combine() : RuleRows.ALL,
				(rows != null) ? rows.rows() : List.of());
	}

	public boolean rowsMode() {
		return ROWS.equals(this.mode);
	}

	/** The rows as sent, without gaps. */
	public List<RuleRow> ruleRows() {
		return (this.rows != null) ? this.rows.stream().filter(Objects::nonNull).map(Objects::requireNonNull).toList()
				: List.of();
	}

	public RuleRows asRows() {
		return new RuleRows(RuleRows.ANY.equals(this.combine) ? RuleRows.ANY : RuleRows.ALL, ruleRows());
	}

	SegmentForm withRows(List<RuleRow> rows) {
		return new SegmentForm(this.code, this.nameZh, this.nameEn, this.descriptionZh, this.descriptionEn, this.rule,
				ROWS, asRows().combine(), List.copyOf(rows));
	}

	SegmentForm withCombine(String combine) {
		return new SegmentForm(this.code, this.nameZh, this.nameEn, this.descriptionZh, this.descriptionEn, this.rule,
				this.mode, combine, this.rows);
	}

	SegmentForm withRow() {
		List<RuleRow> rows = new ArrayList<>(ruleRows());
		rows.add(RuleRow.blank());
		return withRows(rows);
	}

	SegmentForm withoutRow(int index) {
		List<RuleRow> rows = new ArrayList<>(ruleRows());
		if (index >= 0 && index < rows.size()) {
			rows.remove(index);
		}
		return withRows(rows);
	}

	SegmentForm withJson(String rule) {
		return new SegmentForm(this.code, this.nameZh, this.nameEn, this.descriptionZh, this.descriptionEn, rule, JSON,
				this.combine, List.of());
	}

}
