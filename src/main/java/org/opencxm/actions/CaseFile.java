package org.opencxm.actions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ConflictException;

/**
 * The case aggregate: its state and the verbs that change it. Each verb checks that the
 * change is allowed in the current status, changes the state, and records the past-tense
 * event and the history entry that the repository stores with it.
 */
final class CaseFile {

	final long id;

	final long unitId;

	final @Nullable Long customerId;

	final @Nullable Long touchpointId;

	final Priority priority;

	final long version;

	@Nullable Long ownerUserId;

	@Nullable Instant assignedAt;

	CaseStatus status;

	final Severity severity;

	String title;

	@Nullable String description;

	Instant firstResponseDue;

	Instant resolutionDue;

	@Nullable Instant firstRespondedAt;

	@Nullable Instant resolvedAt;

	@Nullable Instant closedAt;

	boolean firstResponseBreached;

	boolean resolutionBreached;

	int escalationLevel;

	@Nullable Long escalatedToUserId;

	@Nullable Instant escalatedAt;

	@Nullable Instant nextEscalationAt;

	@Nullable Long rootCauseId;

	@Nullable String resolutionSummary;

	@Nullable Recovery recovery;

	private final List<Object> events = new ArrayList<>();

	private final List<Entry> entries = new ArrayList<>();

	CaseFile(long id, long unitId, @Nullable Long customerId, @Nullable Long touchpointId, Priority priority,
			long version, CaseStatus status, Severity severity, String title, Instant firstResponseDue,
			Instant resolutionDue) {
		this.id = id;
		this.unitId = unitId;
		this.customerId = customerId;
		this.touchpointId = touchpointId;
		this.priority = priority;
		this.version = version;
		this.status = status;
		this.severity = severity;
		this.title = title;
		this.firstResponseDue = firstResponseDue;
		this.resolutionDue = resolutionDue;
	}

	void assign(long userId, Actor by, Instant now) {
		requireStatus(CaseStatus.OPEN, "assign");
		if (this.ownerUserId != null && this.ownerUserId == userId) {
			return;
		}
		Long previous = this.ownerUserId;
		this.ownerUserId = userId;
		this.assignedAt = now;
		this.events.add(new CaseAssigned(this.id, this.unitId, userId, previous, by.userId(), now));
		this.entries.add(new Entry(ActivityKind.ASSIGNED, by, now, null, null, userId, null));
	}

	void acknowledge(Actor by, Instant now) {
		requireStatus(Set.of(CaseStatus.NEW), "acknowledge");
		move(CaseStatus.ACKNOWLEDGED, ActivityKind.ACKNOWLEDGED, by, now, null);
		this.firstRespondedAt = now;
		if (!this.resolutionBreached) {
			this.nextEscalationAt = this.resolutionDue;
		}
		this.events.add(new CaseAcknowledged(this.id, this.unitId, by.userId(), now));
	}

	void start(Actor by, Instant now) {
		requireStatus(Set.of(CaseStatus.ACKNOWLEDGED, CaseStatus.REOPENED), "start work on");
		move(CaseStatus.IN_PROGRESS, ActivityKind.STARTED, by, now, null);
	}

	void note(Actor by, Instant now, String text) {
		this.entries.add(new Entry(ActivityKind.NOTE, by, now, null, null, null, text));
	}

	void edit(Actor by, Instant now, String title, @Nullable String description) {
		requireStatus(CaseStatus.OPEN, "edit");
		this.title = title;
		this.description = description;
		this.entries.add(new Entry(ActivityKind.UPDATED, by, now, null, null, null, null));
	}

	void resolve(Actor by, Instant now, long rootCauseId, @Nullable String summary, Recovery recovery) {
		requireStatus(Set.of(CaseStatus.IN_PROGRESS), "resolve");
		move(CaseStatus.RESOLVED, ActivityKind.RESOLVED, by, now, summary);
		this.rootCauseId = rootCauseId;
		this.resolutionSummary = summary;
		this.recovery = recovery;
		this.resolvedAt = now;
		this.nextEscalationAt = null;
		this.events.add(new CaseResolved(this.id, this.unitId, this.customerId, this.touchpointId, rootCauseId,
				by.userId(), now, this.version + 1));
	}

	void close(Actor by, Instant now) {
		requireStatus(Set.of(CaseStatus.RESOLVED), "close");
		move(CaseStatus.CLOSED, ActivityKind.CLOSED, by, now, null);
		this.closedAt = now;
		this.events.add(new CaseClosed(this.id, this.unitId, by.userId(), now));
	}

	/**
	 * Reopens the case with a fresh resolution period; the first response, once given,
	 * stays given.
	 */
	void reopen(Actor by, Instant now, String reason, Instant newResolutionDue) {
		requireStatus(Set.of(CaseStatus.RESOLVED, CaseStatus.CLOSED), "reopen");
		move(CaseStatus.REOPENED, ActivityKind.REOPENED, by, now, reason);
		this.resolvedAt = null;
		this.closedAt = null;
		this.resolutionDue = newResolutionDue;
		this.resolutionBreached = false;
		this.nextEscalationAt = newResolutionDue;
		this.events.add(new CaseReopened(this.id, this.unitId, by.userId(), reason, now));
	}

	/**
	 * Records an SLA breach one level further up. {@code target} is null when nobody is
	 * left above to escalate to; {@code next} is when to look again (null: never).
	 */
	void escalate(CaseEscalated.Breach breach, People.@Nullable Escalation target, Instant now,
			@Nullable Instant next) {
		requireStatus(CaseStatus.OPEN, "escalate");
		switch (breach) {
			case FIRST_RESPONSE -> this.firstResponseBreached = true;
			case RESOLUTION, RESOLUTION_OVERDUE -> this.resolutionBreached = true;
		}
		this.nextEscalationAt = next;
		if (target == null) {
			return;
		}
		this.escalationLevel++;
		this.escalatedToUserId = target.userId();
		this.escalatedAt = now;
		this.events.add(new CaseEscalated(this.id, this.unitId, this.escalationLevel, breach, target.userId(),
				target.unitId(), now));
		this.entries.add(new Entry(ActivityKind.ESCALATED, Actor.SYSTEM, now, null, null, target.userId(),
				breach.name() + " level " + this.escalationLevel));
	}

	void followedUp(Instant now, boolean resolved, @Nullable Integer satisfaction, @Nullable Long responseId) {
		this.entries.add(new Entry(ActivityKind.FOLLOW_UP, Actor.SYSTEM, now, null, null, null,
				"resolved=" + resolved + ((satisfaction != null) ? ", satisfaction=" + satisfaction : "")
						+ ((responseId != null) ? ", recovery survey response " + responseId : "")));
	}

	List<Object> events() {
		return List.copyOf(this.events);
	}

	List<Entry> entries() {
		return List.copyOf(this.entries);
	}

	private void move(CaseStatus to, ActivityKind kind, Actor by, Instant now, @Nullable String detail) {
		this.entries.add(new Entry(kind, by, now, this.status, to, null, detail));
		this.status = to;
	}

	private void requireStatus(Set<CaseStatus> allowed, String action) {
		if (!allowed.contains(this.status)) {
			throw new IllegalTransition("cannot " + action + " a case that is " + this.status);
		}
	}

	/** A history entry waiting to be stored. */
	record Entry(ActivityKind kind, Actor actor, Instant at, @Nullable CaseStatus from, @Nullable CaseStatus to,
			@Nullable Long targetUserId, @Nullable String detail) {
	}

	/** A verb that the current status does not allow: 409 with the current case. */
	static final class IllegalTransition extends ConflictException {

		IllegalTransition(String message) {
			super(message);
		}

	}

}
