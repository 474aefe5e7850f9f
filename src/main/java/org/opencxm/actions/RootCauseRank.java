package org.opencxm.actions;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.LocalizedText;

/**
 * A root cause with the number of cases resolved with it, how many of those came from
 * detractors or passives (cases that carry the NPS score of their source response), and
 * the NPS points those detractors cost: each detractor takes 100 / N points off NPS, N
 * being the number of responses in the same slice (given by the caller; null without it).
 */
public record RootCauseRank(String code, LocalizedText name, ExperienceFactor factor, long cases, long withNps,
		long detractors, long passives, @Nullable Double npsPoints) {

}
