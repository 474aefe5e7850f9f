package org.opencxm.analytics;

import org.opencxm.evaluation.ExperienceLevel;

/**
 * The mergeable counts of each experience level in a slice: its experience-level
 * distribution.
 */
public record ExperienceCounts(long negative, long none, long low, long medium, long high) {

	public static final ExperienceCounts EMPTY = new ExperienceCounts(0, 0, 0, 0, 0);

	public ExperienceCounts {
		if (negative < 0 || none < 0 || low < 0 || medium < 0 || high < 0) {
			throw new IllegalArgumentException("counts cannot be negative");
		}
	}

	public ExperienceCounts with(ExperienceLevel level) {
		return switch (level) {
			case NEGATIVE -> new ExperienceCounts(this.negative + 1, this.none, this.low, this.medium, this.high);
			case NONE -> new ExperienceCounts(this.negative, this.none + 1, this.low, this.medium, this.high);
			case LOW -> new ExperienceCounts(this.negative, this.none, this.low + 1, this.medium, this.high);
			case MEDIUM -> new ExperienceCounts(this.negative, this.none, this.low, this.medium + 1, this.high);
			case HIGH -> new ExperienceCounts(this.negative, this.none, this.low, this.medium, this.high + 1);
		};
	}

	public ExperienceCounts merge(ExperienceCounts other) {
		return new ExperienceCounts(this.negative + other.negative, this.none + other.none, this.low + other.low,
				this.medium + other.medium, this.high + other.high);
	}

	public long count() {
		return this.negative + this.none + this.low + this.medium + this.high;
	}

	public long of(ExperienceLevel level) {
		return switch (level) {
			case NEGATIVE -> this.negative;
			case NONE -> this.none;
			case LOW -> this.low;
			case MEDIUM -> this.medium;
			case HIGH -> this.high;
		};
	}

	/** The share of one level among all, with its Wilson interval. */
	public Proportion share(ExperienceLevel level) {
		return new Proportion(of(level), count());
	}

}
