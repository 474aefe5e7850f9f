package org.opencxm.surveys;

import java.util.List;

/**
 * What a batch of responses came to: the stored response's id for each request, in the
 * order sent, and how many were new (the others were retries of stored responses).
 */
public record ResponseBatchResult(int received, int created, List<Long> ids) {

	public ResponseBatchResult {
		ids = List.copyOf(ids);
	}

}
