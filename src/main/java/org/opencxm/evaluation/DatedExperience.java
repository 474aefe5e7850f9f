package org.opencxm.evaluation;

import java.time.Instant;

/**
 * One assessed response of a customer and when it was given.
 */
public record DatedExperience(Instant at, ExperienceAssessment experience) {

}
