package org.opencxm.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The summed daily aggregates of one slice: counts, and per measure the {@link Moments},
 * in the order of {@link Rollup#MEASURES}; or the invitations answered among those sent.
 */
record Totals(long responses, NpsCounts nps, long csatTopTwo, Moments[] measures, ExperienceCounts levels,
		Moments rating, Proportion invitations) {

	static final Totals EMPTY = new Totals(0, NpsCounts.EMPTY, 0, empty(), ExperienceCounts.EMPTY, Moments.EMPTY,
			Proportion.EMPTY);

	private static Moments[] empty() {
		Moments[] measures = new Moments[Rollup.MEASURES.size()];
		java.util.Arrays.fill(measures, Moments.EMPTY);
		return measures;
	}

	/**
	 * The select list that sums the given counts: whole counts cast back from the wider
	 * type {@code sum} gives them, which the driver would otherwise read as decimals.
	 */
	static String sums(List<String> counts) {
		return String.join(", ",
				counts.stream()
					.map((c) -> whole(c) ? "cast(sum(" + c + ") as bigint) as " + c : "sum(" + c + ") as " + c)
					.toList());
	}

	/**
	 * The counts a figure of the metrics needs, in the order of {@link Rollup#COUNTS}.
	 */
	static List<String> counts(Collection<Metric> metrics) {
		Set<String> needed = new HashSet<>();
		for (Metric metric : metrics) {
			switch (metric) {
				case NPS -> needed.addAll(List.of("promoters", "passives", "detractors"));
				case CSAT_TOP_TWO_BOX -> needed.addAll(List.of("csat_top_two", "csat_n"));
				case EXPERIENCE_LEVELS ->
					needed.addAll(Rollup.COUNTS.stream().filter((c) -> c.startsWith("level_")).toList());
				case RESPONSES, RATING, RESPONSE_RATE -> {
				}
				default -> {
					String measure = java.util.Objects.requireNonNull(metric.measure);
					needed.addAll(List.of(measure + "_n", measure + "_sum", measure + "_sq"));
				}
			}
		}
		needed.add("responses");
		return Rollup.COUNTS.stream().filter(needed::contains).toList();
	}

	private static boolean whole(String count) {
		return !count.endsWith("_sum") && !count.endsWith("_sq");
	}

	/**
	 * The totals of a row whose columns from {@code first} on are those of
	 * {@link #sums(List)} of {@code counts}, the others zero: read by position, which
	 * over thousands of rows costs a fraction of looking each column up by name.
	 */
	static Totals read(ResultSet rs, int first, List<String> counts) throws SQLException {
		long[] whole = new long[Rollup.COUNTS.size()];
		double[] sums = new double[Rollup.COUNTS.size()];
		int c = first;
		for (String count : counts) {
			int at = Rollup.COUNTS.indexOf(count);
			if (whole(count)) {
				whole[at] = rs.getLong(c++);
			}
			else {
				sums[at] = rs.getDouble(c++);
			}
		}
		return of(whole, sums);
	}

	/** The totals of counts and sums by their position in {@link Rollup#COUNTS}. */
	private static Totals of(long[] whole, double[] sums) {
		int c = 5;
		Moments[] measures = new Moments[Rollup.MEASURES.size()];
		for (int i = 0; i < measures.length; i++) {
			measures[i] = new Moments(whole[c], sums[c + 1], sums[c + 2]);
			c += 3;
		}
		return new Totals(whole[0], new NpsCounts(whole[1], whole[2], whole[3]), whole[4], measures,
				new ExperienceCounts(whole[c], whole[c + 1], whole[c + 2], whole[c + 3], whole[c + 4]), Moments.EMPTY,
				Proportion.EMPTY);
	}

	static Totals readRating(ResultSet rs) throws SQLException {
		return ofRating(new Moments(rs.getLong("n"), rs.getDouble("total"), rs.getDouble("sum_sq")));
	}

	/** The rating sums of a row read as a map, their names ending in {@code suffix}. */
	static Moments rating(Map<String, Object> row, String suffix) {
		return new Moments(number(row, "n" + suffix).longValue(), number(row, "total" + suffix).doubleValue(),
				number(row, "sum_sq" + suffix).doubleValue());
	}

	private static Number number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return (value != null) ? (Number) value : 0;
	}

	static Totals ofRating(Moments rating) {
		return new Totals(rating.count(), NpsCounts.EMPTY, 0, empty(), ExperienceCounts.EMPTY, rating,
				Proportion.EMPTY);
	}

	static Totals ofInvitations(long sent, long answered) {
		return new Totals(0, NpsCounts.EMPTY, 0, empty(), ExperienceCounts.EMPTY, Moments.EMPTY,
				new Proportion(answered, sent));
	}

	Totals merge(Totals other) {
		Moments[] merged = new Moments[this.measures.length];
		for (int i = 0; i < merged.length; i++) {
			merged[i] = this.measures[i].merge(other.measures[i]);
		}
		return new Totals(this.responses + other.responses, this.nps.merge(other.nps),
				this.csatTopTwo + other.csatTopTwo, merged, this.levels.merge(other.levels),
				this.rating.merge(other.rating), this.invitations.merge(other.invitations));
	}

	Moments measure(String name) {
		return this.measures[Rollup.MEASURES.indexOf(name)];
	}

	Proportion csatTopTwoBox() {
		return new Proportion(this.csatTopTwo, measure("csat").count());
	}

}
