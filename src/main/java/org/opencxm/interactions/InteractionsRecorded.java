package org.opencxm.interactions;

import java.util.List;

/**
 * New contacts were added to the archive by one request (up to a thousand for a batch),
 * or by single requests that arrived together and were stored in one transaction; retries
 * of contacts already stored are not in it. One event a write keeps a durable event log
 * cheap at ingestion rates.
 */
public record InteractionsRecorded(List<InteractionRecorded> interactions) {

	public InteractionsRecorded {
		interactions = List.copyOf(interactions);
	}

}
