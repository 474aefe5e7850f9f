package org.opencxm.surveys;

import java.util.List;

/**
 * Complete responses were stored by one batch request, or by single submissions that
 * arrived together and were written in one transaction (retries of responses already
 * stored are not in it). One event a write keeps the durable event log cheap when
 * responses arrive by the hundred or are imported by the thousand; a response written on
 * its own publishes {@link ResponseRecorded} instead, never both.
 */
public record ResponsesRecorded(List<ResponseRecorded> responses) {

	public ResponsesRecorded {
		responses = List.copyOf(responses);
	}

}
