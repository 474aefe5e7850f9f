package org.opencxm.interactions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.TouchpointRef;

/**
 * One distinct event of a request, resolved and checked, and then stored or found stored.
 */
final class Planned {

	private final int firstIndex;

	private final InteractionRequest request;

	private final TouchpointRef touchpoint;

	private final @Nullable Long unitId;

	private final @Nullable Long staffId;

	private final Channel channel;

	private final @Nullable String properties;

	private final String hash;

	private long id;

	private long customerId;

	private @Nullable Instant recordedAt;

	private BatchResult.Outcome outcome = BatchResult.Outcome.CREATED;

	Planned(int firstIndex, InteractionRequest request, TouchpointRef touchpoint, @Nullable Long unitId,
			@Nullable Long staffId, Channel channel, @Nullable String properties, String hash) {
		this.firstIndex = firstIndex;
		this.request = request;
		this.touchpoint = touchpoint;
		this.unitId = unitId;
		this.staffId = staffId;
		this.channel = channel;
		this.properties = properties;
		this.hash = hash;
	}

	int firstIndex() {
		return this.firstIndex;
	}

	InteractionRequest request() {
		return this.request;
	}

	TouchpointRef touchpoint() {
		return this.touchpoint;
	}

	@Nullable Long unitId() {
		return this.unitId;
	}

	@Nullable Long staffId() {
		return this.staffId;
	}

	Channel channel() {
		return this.channel;
	}

	@Nullable String properties() {
		return this.properties;
	}

	String hash() {
		return this.hash;
	}

	long id() {
		return this.id;
	}

	long customerId() {
		return this.customerId;
	}

	void customerId(long customerId) {
		this.customerId = customerId;
	}

	BatchResult.Outcome outcome() {
		return this.outcome;
	}

	void stored(long id) {
		this.id = id;
		this.outcome = BatchResult.Outcome.DUPLICATE;
	}

	void created(long id, Instant recordedAt) {
		this.id = id;
		this.recordedAt = recordedAt;
	}

	/** When this request stored the contact; null when it was stored before. */
	@Nullable Instant recordedAt() {
		return this.recordedAt;
	}

}
