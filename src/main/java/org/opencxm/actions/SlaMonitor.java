package org.opencxm.actions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.opencxm.org.OrgScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds cases that missed an SLA and escalates them one level up the org tree per breach:
 * a missed first response goes to the manager of the unit above, a missed resolution one
 * level higher, and every further resolution period overdue one more, until no unit above
 * has a manager. Each case is changed in its own transaction, guarded by its version, so
 * that two nodes checking at once escalate it once.
 */
@Component
class SlaMonitor {

	private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

	private final CaseRepository repository;

	private final Cases cases;

	private final SlaSettings sla;

	private final People people;

	private final OrgScope scope;

	private final ActionsProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	SlaMonitor(CaseRepository repository, Cases cases, SlaSettings sla, People people, OrgScope scope,
			ActionsProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.cases = cases;
		this.sla = sla;
		this.people = people;
		this.scope = scope;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${opencxm.actions.sla-check-interval:PT1M}",
			initialDelayString = "${opencxm.actions.sla-check-interval:PT1M}")
	void scheduled() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			log.warn("Checking SLAs failed; will try again", ex);
		}
	}

	/** Looks at every case whose SLA needs a look now; answers how many it escalated. */
	int check() {
		return this.scope.asSystem(() -> {
			Instant now = this.clock.instant();
			List<Long> due = this.repository.dueForEscalation(now, this.properties.batchSize());
			int escalated = 0;
			for (long id : due) {
				Boolean changed = this.transactions.execute((status) -> {
					int[] levels = new int[2];
					boolean stored = this.cases.changeAsSystem(id, (file, by) -> {
						levels[0] = file.escalationLevel;
						breach(file, now);
						levels[1] = file.escalationLevel;
					});
					return stored && levels[1] > levels[0];
				});
				if (Boolean.TRUE.equals(changed)) {
					escalated++;
				}
			}
			return escalated;
		});
	}

	private void breach(CaseFile file, Instant now) {
		boolean awaitingFirstResponse = file.firstRespondedAt == null && !file.firstResponseBreached;
		if (awaitingFirstResponse && !now.isBefore(file.firstResponseDue)) {
			file.escalate(CaseEscalated.Breach.FIRST_RESPONSE, target(file), now, file.resolutionDue);
			return;
		}
		if (!now.isBefore(file.resolutionDue)) {
			CaseEscalated.Breach breach = file.resolutionBreached ? CaseEscalated.Breach.RESOLUTION_OVERDUE
					: CaseEscalated.Breach.RESOLUTION;
			Optional<People.Escalation> target = Optional.ofNullable(target(file));
			Instant next = target.isPresent() ? this.sla.nextResolutionPeriod(file.unitId, file.priority, now) : null;
			file.escalate(breach, target.orElse(null), now, next);
			return;
		}
		file.nextEscalationAt = awaitingFirstResponse ? file.firstResponseDue : file.resolutionDue;
	}

	private People.@org.jspecify.annotations.Nullable Escalation target(CaseFile file) {
		return this.people.escalationTarget(file.unitId, file.escalationLevel + 1).orElse(null);
	}

}
