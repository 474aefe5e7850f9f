package org.opencxm.text;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.SemModule;

/**
 * The open answers of a recorded response were analysed and stored (once per response; a
 * text rebuild publishes nothing). Alert rules can react to sentiment and themes with it.
 *
 * @param comments one entry per open answer, in the survey's order
 */
public record CommentsAnalysed(long responseId, long surveyId, @Nullable Long customerId, @Nullable Long touchpointId,
		@Nullable Long unitId, Instant submittedAt, List<Comment> comments) {

	public CommentsAnalysed {
		comments = List.copyOf(comments);
	}

	/**
	 * The lowest sentiment of the response's comments.
	 * @return a score in [-1, 1]; 0 without comments
	 */
	public double lowestScore() {
		return this.comments.stream().mapToDouble(Comment::score).min().orElse(0);
	}

	/**
	 * What one open answer says.
	 *
	 * @param themes the codes of the workspace themes found
	 */
	public record Comment(String questionCode, Language language, double score, SentimentLabel label, double intensity,
			List<ExperienceFactor> factors, List<SemModule> semModules, List<String> themes) {

		public Comment {
			factors = List.copyOf(factors);
			semModules = List.copyOf(semModules);
			themes = List.copyOf(themes);
		}

	}

}
