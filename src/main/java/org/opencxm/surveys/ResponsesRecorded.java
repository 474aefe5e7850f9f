package org.opencxm.surveys;

import java.util.List;

/**
 * Complete responses were stored by one batch request (retries of responses already
 * stored are not in it). One event a batch keeps the durable event log cheap when
 * responses are imported by the thousand; a response sent on its own publishes
 * {@link ResponseRecorded} instead, never both.
 */
public record ResponsesRecorded(List<ResponseRecorded> responses) {

	public ResponsesRecorded {
		responses = List.copyOf(responses);
	}

}
