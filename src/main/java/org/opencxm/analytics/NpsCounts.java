package org.opencxm.analytics;

import org.opencxm.evaluation.NpsClass;

/**
 * The mergeable counts of each NPS class in a slice.
 */
public record NpsCounts(long promoters, long passives, long detractors) {

	public static final NpsCounts EMPTY = new NpsCounts(0, 0, 0);

	public NpsCounts {
		if (promoters < 0 || passives < 0 || detractors < 0) {
			throw new IllegalArgumentException("counts cannot be negative");
		}
	}

	public NpsCounts with(NpsClass npsClass) {
		return switch (npsClass) {
			case PROMOTER -> new NpsCounts(this.promoters + 1, this.passives, this.detractors);
			case PASSIVE -> new NpsCounts(this.promoters, this.passives + 1, this.detractors);
			case DETRACTOR -> new NpsCounts(this.promoters, this.passives, this.detractors + 1);
		};
	}

	public NpsCounts merge(NpsCounts other) {
		return new NpsCounts(this.promoters + other.promoters, this.passives + other.passives,
				this.detractors + other.detractors);
	}

	public long count() {
		return this.promoters + this.passives + this.detractors;
	}

	/** The score with its interval; needs at least one response. */
	public NetPromoterScore score() {
		return NetPromoterScore.of(this);
	}

	/**
	 * The same responses as a numeric measure: +1 per promoter, 0 per passive, −1 per
	 * detractor, whose mean is the NPS as a fraction.
	 */
	public Moments asMoments() {
		return new Moments(count(), this.promoters - this.detractors, this.promoters + this.detractors);
	}

}
