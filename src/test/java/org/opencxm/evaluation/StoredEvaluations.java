package org.opencxm.evaluation;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluations made up by a test, stored and published as the evaluation of a recorded
 * response is: in one transaction, so listeners see exactly what they would in
 * production.
 */
public final class StoredEvaluations {

	private final ResponseEvaluations evaluations;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	public StoredEvaluations(ResponseEvaluations evaluations, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.evaluations = evaluations;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * Stores the evaluation only, as a process that dies before any listener ran leaves
	 * it.
	 */
	public void store(ResponseEvaluated event) {
		this.evaluations.insert(event, null);
	}

	/**
	 * Stores the evaluation unless its response has one, and publishes it (again, if it
	 * was stored before: a second delivery).
	 */
	public void publish(ResponseEvaluated event) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.evaluations.getAll(List.of(event.responseId())).isEmpty()) {
				this.evaluations.insert(event, null);
			}
			this.events.publishEvent(event);
		});
	}

}
