package org.opencxm.analytics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.evaluation.ExperienceLevel;

/**
 * A metric's figure from summed aggregates, and the test of two figures' difference.
 */
final class Figures {

	private Figures() {
	}

	static Figure of(Metric metric, Totals totals) {
		return switch (metric) {
			case NPS -> {
				if (totals.nps().count() == 0) {
					yield Figure.of(0, null, null);
				}
				NetPromoterScore nps = totals.nps().score();
				yield Figure.of(nps.count(), nps.score(), nps.interval());
			}
			case CSAT_TOP_TWO_BOX -> share(totals.csatTopTwoBox());
			case EXPERIENCE_LEVELS -> {
				Map<String, Figure> levels = new LinkedHashMap<>();
				for (ExperienceLevel level : ExperienceLevel.values()) {
					levels.put(level.name(), share(totals.levels().share(level)));
				}
				long n = totals.levels().count();
				yield new Figure(n, null, null, n < 30, levels, null, null);
			}
			case RESPONSES -> Figure.of(totals.responses(), (double) totals.responses(), null);
			case RESPONSE_RATE -> share(totals.invitations());
			case RATING -> mean(totals.rating());
			default -> mean(totals.measure(java.util.Objects.requireNonNull(metric.measure)));
		};
	}

	static Figure share(Proportion proportion) {
		if (proportion.count() == 0) {
			return Figure.of(0, null, null);
		}
		return Figure.of(proportion.count(), proportion.share(), proportion.interval());
	}

	private static Figure mean(Moments moments) {
		if (moments.count() == 0) {
			return Figure.of(0, null, null);
		}
		MeanEstimate estimate = moments.estimate();
		return Figure.of(estimate.count(), estimate.mean(), estimate.interval());
	}

	static @Nullable Comparison comparison(Metric metric, Totals now, Totals before) {
		Optional<Comparison> comparison = switch (metric) {
			case NPS -> Comparison.ofNps(now.nps(), before.nps());
			case CSAT_TOP_TWO_BOX -> Comparison.ofProportions(now.csatTopTwoBox(), before.csatTopTwoBox());
			case RESPONSE_RATE -> Comparison.ofProportions(now.invitations(), before.invitations());
			case RATING -> Comparison.ofMeans(now.rating(), before.rating());
			case EXPERIENCE_LEVELS, RESPONSES -> Optional.empty();
			default -> Comparison.ofMeans(now.measure(java.util.Objects.requireNonNull(metric.measure)),
					before.measure(metric.measure));
		};
		return comparison.orElse(null);
	}

}
