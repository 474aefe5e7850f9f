package org.opencxm.interactions;

import java.util.List;

/**
 * What a batch did: each item's interaction id and whether this request created it or it
 * was there already from an earlier delivery.
 */
public record BatchResult(int received, int created, int duplicates, List<Item> items) {

	public record Item(int index, String eventId, long id, Outcome outcome) {
	}

	public enum Outcome {

		CREATED, DUPLICATE

	}

}
