package org.opencxm.evaluation;

import java.util.List;

/**
 * Responses recorded by one batch were evaluated: one event for the batch, as
 * {@link org.opencxm.surveys.ResponsesRecorded} is one. It names the responses only (a
 * thousand evaluations would make a heavy entry in the durable event log); read them with
 * {@link ResponseEvaluations#getAll}. A response evaluated on its own publishes
 * {@link ResponseEvaluated} instead, never both.
 */
public record ResponsesEvaluated(List<Long> responseIds) {

	public ResponsesEvaluated {
		responseIds = List.copyOf(responseIds);
	}

}
