package org.opencxm.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * A customer's experience over their recent responses: the mean of their experience
 * points (−100..100, see {@link ExperienceAssessment#points()}) weighted by 2^(−age /
 * half-life), so that a response one half-life old counts half as much as one given now.
 *
 * @param score the weighted mean, −100..100
 * @param weight the sum of the weights: how many fresh responses the score is worth
 * @param responses how many responses went in
 */
public record CustomerExperienceScore(double score, double weight, int responses) {

	/**
	 * The score of the given responses as of {@code now}; empty without responses. A
	 * response dated after {@code now} counts as given now.
	 */
	public static Optional<CustomerExperienceScore> of(Collection<DatedExperience> history, Instant now,
			Duration halfLife) {
		if (halfLife.isNegative() || halfLife.isZero()) {
			throw new IllegalArgumentException("the half-life must be positive");
		}
		if (history.isEmpty()) {
			return Optional.empty();
		}
		double halfLifeSeconds = halfLife.toMillis() / 1000.0;
		double weighted = 0;
		double weights = 0;
		for (DatedExperience experience : history) {
			double ageSeconds = Math.max(0, Duration.between(experience.at(), now).toMillis() / 1000.0);
			double weight = Math.pow(2, -ageSeconds / halfLifeSeconds);
			weighted += weight * experience.experience().points();
			weights += weight;
		}
		if (weights == 0) {
			// Every response is so old that its weight underflowed: they count alike.
			double sum = history.stream().mapToDouble((e) -> e.experience().points()).sum();
			return Optional.of(new CustomerExperienceScore(sum / history.size(), 0, history.size()));
		}
		return Optional.of(new CustomerExperienceScore(weighted / weights, weights, history.size()));
	}

}
