package org.opencxm.interactions;

import java.util.List;

/**
 * New contacts were added to the archive by one request (one for a single interaction, up
 * to a thousand for a batch); retries of contacts already stored are not in it. One event
 * a request keeps a durable event log cheap at batch-ingestion rates.
 */
public record InteractionsRecorded(List<InteractionRecorded> interactions) {

	public InteractionsRecorded {
		interactions = List.copyOf(interactions);
	}

}
