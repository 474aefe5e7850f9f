package org.opencxm.evaluation;

import java.util.List;

/**
 * Responses recorded by one batch were evaluated: one event for the batch, as
 * {@link org.opencxm.surveys.ResponsesRecorded} is one. A response evaluated on its own
 * publishes {@link ResponseEvaluated} instead, never both.
 */
public record ResponsesEvaluated(List<ResponseEvaluated> evaluations) {

	public ResponsesEvaluated {
		evaluations = List.copyOf(evaluations);
	}

}
