package org.opencxm.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.opencxm.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an asynchronous listener writes and the completion of its event publication commit
 * together, in the listener's one transaction; a listener that fails leaves both undone
 * and its publication outstanding, to be handed over again.
 */
@ApplicationTest
class ListenerCompletionTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProbeListener listener;

	@Autowired
	IncompleteEventPublications incomplete;

	@Test
	void completesThePublicationInTheListenersTransaction() {
		publish(new Probe("first", false));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.seen("first") != null);
		// Seen from the listener's own transaction just before it commits: the
		// publication is
		// already completed (and, in completion mode delete, gone) in that transaction.
		assertThat(this.listener.seen("first")).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> outstanding("first") == 0);
	}

	@Test
	void aFailedListenerLeavesItsPublicationOutstandingUntilHandedOverAgain() {
		publish(new Probe("flaky", true));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.failed("flaky"));
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> outstanding("flaky") == 1);
		assertThat(this.listener.seen("flaky")).isNull();

		this.incomplete.resubmitIncompletePublications(
				(publication) -> publication.getEvent() instanceof Probe probe && probe.name().equals("flaky"));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listener.seen("flaky") != null);
		assertThat(this.listener.seen("flaky")).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> outstanding("flaky") == 0);
	}

	private void publish(Probe probe) {
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(probe));
	}

	private int outstanding(String name) {
		return outstanding(this.jdbc, name);
	}

	/** The publications of the probe of that name not yet completed. */
	static int outstanding(JdbcClient jdbc, String name) {
		return jdbc.sql("""
				select count(*) from event_publication
				where event_type like '%Probe' and serialized_event like :name and completion_date is null""")
			.param("name", "%\"" + name + "\"%")
			.query(Integer.class)
			.single();
	}

	record Probe(String name, boolean failOnce) {

	}

	record Seen(String name, int outstandingBeforeCommit) {

	}

	static class ProbeListener {

		private final JdbcClient jdbc;

		private final List<Seen> observed = new CopyOnWriteArrayList<>();

		private final List<String> failures = new CopyOnWriteArrayList<>();

		ProbeListener(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@ApplicationModuleListener
		void on(Probe probe) {
			if (probe.failOnce() && !this.failures.contains(probe.name())) {
				this.failures.add(probe.name());
				throw new IllegalStateException("the listener fails once");
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					int outstanding = outstanding(ProbeListener.this.jdbc, probe.name());
					ProbeListener.this.observed.add(new Seen(probe.name(), outstanding));
				}

			});
		}

		boolean failed(String name) {
			return this.failures.contains(name);
		}

		Integer seen(String name) {
			return this.observed.stream()
				.filter((s) -> s.name().equals(name))
				.map(Seen::outstandingBeforeCommit)
				.findFirst()
				.orElse(null);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ProbeConfiguration {

		@Bean
		ProbeListener probeListener(JdbcClient jdbc) {
			return new ProbeListener(jdbc);
		}

	}

}
