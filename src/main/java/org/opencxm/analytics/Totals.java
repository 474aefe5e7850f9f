package org.opencxm.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;

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

	/** The select list that sums every count of {@code analytics_daily}. */
	static String sums() {
		return String.join(", ", Rollup.COUNTS.stream().map((c) -> "sum(" + c + ") as " + c).toList());
	}

	/**
	 * The totals of a row whose columns from {@code first} on are those of
	 * {@link #sums()}: read by position, which over thousands of rows of 45 columns costs
	 * a fraction of looking each column up by name.
	 */
	static Totals read(ResultSet rs, int first) throws SQLException {
		int c = first;
		long responses = rs.getLong(c++);
		long promoters = rs.getLong(c++);
		long passives = rs.getLong(c++);
		long detractors = rs.getLong(c++);
		long csatTopTwo = rs.getLong(c++);
		Moments[] measures = new Moments[Rollup.MEASURES.size()];
		for (int i = 0; i < measures.length; i++) {
			measures[i] = new Moments(rs.getLong(c), rs.getDouble(c + 1), rs.getDouble(c + 2));
			c += 3;
		}
		return new Totals(responses, new NpsCounts(promoters, passives, detractors), csatTopTwo, measures,
				new ExperienceCounts(rs.getLong(c), rs.getLong(c + 1), rs.getLong(c + 2), rs.getLong(c + 3),
						rs.getLong(c + 4)),
				Moments.EMPTY, Proportion.EMPTY);
	}

	static Totals read(ResultSet rs) throws SQLException {
		Moments[] measures = new Moments[Rollup.MEASURES.size()];
		for (int i = 0; i < measures.length; i++) {
			String m = Rollup.MEASURES.get(i);
			measures[i] = new Moments(rs.getLong(m + "_n"), rs.getDouble(m + "_sum"), rs.getDouble(m + "_sq"));
		}
		return new Totals(rs.getLong("responses"),
				new NpsCounts(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors")),
				rs.getLong("csat_top_two"), measures,
				new ExperienceCounts(rs.getLong("level_negative"), rs.getLong("level_none"), rs.getLong("level_low"),
						rs.getLong("level_medium"), rs.getLong("level_high")),
				Moments.EMPTY, Proportion.EMPTY);
	}

	static Totals readRating(ResultSet rs) throws SQLException {
		Moments rating = new Moments(rs.getLong("n"), rs.getDouble("total"), rs.getDouble("sum_sq"));
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
