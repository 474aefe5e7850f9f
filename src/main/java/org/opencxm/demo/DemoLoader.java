package org.opencxm.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerRequest;
import org.opencxm.customers.Customers;
import org.opencxm.interactions.ContactArchive;
import org.opencxm.interactions.InteractionRequest;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.TouchpointRequest;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Staff;
import org.opencxm.org.StaffRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start of an empty database (no org units) loads the demo workspace, unless
 * {@code opencxm.demo=false}. It writes through the same services as the API does, so the
 * demo data passes every check real data passes; it runs after the initial admin is
 * created.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	/** How many days before the demo day the alert rules were set up. */
	static final int ALERTED_DAYS = 10;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Staff staff;

	private final Journeys journeys;

	private final Touchpoints touchpoints;

	private final Customers customers;

	private final ContactArchive archive;

	private final DemoUsers users;

	private final DemoStory story;

	private final DemoFeedback feedback;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	DemoLoader(OrgScope scope, OrgUnits units, Staff staff, Journeys journeys, Touchpoints touchpoints,
			Customers customers, ContactArchive archive, DemoUsers users, DemoStory story, DemoFeedback feedback,
			Clock clock, TransactionTemplate transactions, @Value("${opencxm.demo:true}") boolean enabled) {
		this.scope = scope;
		this.units = units;
		this.staff = staff;
		this.journeys = journeys;
		this.touchpoints = touchpoints;
		this.customers = customers;
		this.archive = archive;
		this.users = users;
		this.story = story;
		this.feedback = feedback;
		this.clock = clock;
		this.transactions = transactions;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		this.scope.runAsSystem(() -> {
			if (!this.units.list().isEmpty()) {
				log.debug("The database holds org units already: no demo workspace loaded");
				return;
			}
			long started = System.nanoTime();
			Loaded loaded = load();
			log.info("Loaded the demo workspace in {} s: {} org units, {} staff, {} journeys with {} touchpoints, "
					+ "{} customers, {} interactions, {} demo users, {} surveys with {} triggers, {} responses, "
					+ "{} alert rules, {} cases (set opencxm.demo=false to start empty)",
					"%.1f".formatted((System.nanoTime() - started) / 1e9), loaded.units(), loaded.staff(),
					loaded.journeys(), loaded.touchpoints(), loaded.customers(), loaded.interactions(), loaded.users(),
					loaded.surveys(), loaded.triggers(), loaded.responses(), loaded.rules(), loaded.cases());
		});
	}

	private Loaded load() {
		long started = System.nanoTime();
		DemoCatalog catalog = DemoCatalog.load();
		Instant now = this.clock.instant();
		DemoPopulation population = new DemoPopulation(catalog, this.story, Names.load(), now);
		// Generating the customers and their answers needs no database: it runs while the
		// catalogue is written.
		CompletableFuture<List<DemoCustomer>> generated = CompletableFuture.supplyAsync(population::customers);
		DemoResponses answers = new DemoResponses(catalog, this.story, DemoComments.load(), now);
		CompletableFuture<List<DemoResponses.Planned>> answered = generated.thenApplyAsync(answers::plan);
		List<StaffRequest> staffRequests = population.staff();
		List<TouchpointRequest> touchpointRequests = catalog.touchpointRequests();
		// The catalogue's few hundred rows in one transaction: on the embedded database
		// each
		// commit is a write of the store.
		this.transactions.executeWithoutResult((status) -> {
			for (DemoCatalog.Unit root : catalog.units()) {
				createUnit(root, null);
			}
			staffRequests.forEach(this.staff::create);
			catalog.journeys().forEach((journey) -> this.journeys.create(journey.request()));
			touchpointRequests.forEach(this.touchpoints::create);
		});
		List<DemoCustomer> demoCustomers = generated.join();
		List<CustomerRequest> profiles = demoCustomers.stream().map(DemoCustomer::profile).toList();
		for (int from = 0; from < profiles.size(); from += Customers.MAX_BATCH) {
			this.customers.putAll(profiles.subList(from, Math.min(profiles.size(), from + Customers.MAX_BATCH)));
		}
		List<InteractionRequest> contacts = DemoPopulation.contacts(demoCustomers);
		Map<String, Long> interactionIds = new HashMap<>(contacts.size() * 2);
		for (int from = 0; from < contacts.size(); from += ContactArchive.MAX_BATCH) {
			this.archive.recordBatch(contacts.subList(from, Math.min(contacts.size(), from + ContactArchive.MAX_BATCH)))
				.items()
				.forEach((item) -> interactionIds.put(item.eventId(), item.id()));
		}
		log.debug("Demo: {} after {} ms", "contacts", (System.nanoTime() - started) / 1_000_000);
		// The year's contacts are handled before any trigger exists: they send no
		// invitations.
		this.feedback.settle();
		log.debug("Demo: {} after {} ms", "contacts handled", (System.nanoTime() - started) / 1_000_000);
		int surveys = this.feedback.surveys();
		int triggers = this.feedback.triggers();
		// The alert rules were set up shortly before the demo day: responses before that
		// opened no cases, those after did.
		Instant rulesSince = now.minus(Duration.ofDays(ALERTED_DAYS));
		List<DemoResponses.Planned> planned = answered.join();
		int responses = this.feedback
			.record(planned.stream().filter((r) -> r.submittedAt().isBefore(rulesSince)).toList(), interactionIds);
		this.feedback.settle();
		log.debug("Demo: {} after {} ms", "responses of the year", (System.nanoTime() - started) / 1_000_000);
		int rules = this.feedback.alertRules();
		responses += this.feedback
			.record(planned.stream().filter((r) -> !r.submittedAt().isBefore(rulesSince)).toList(), interactionIds);
		this.feedback.settle();
		log.debug("Demo: {} after {} ms", "recent responses", (System.nanoTime() - started) / 1_000_000);
		int cases = this.feedback.workCases();
		log.debug("Demo: {} after {} ms", "cases", (System.nanoTime() - started) / 1_000_000);
		StaffRequest agent = staffRequests.stream()
			.filter((member) -> member.code().equals(DemoCatalog.staffCode("huafu-sh-riverside", "consultant", 1)))
			.findFirst()
			.orElseThrow();
		int userCount = this.users.create(agent.code(), agent.name());
		return new Loaded(catalog.allUnits().size(), staffRequests.size(), catalog.journeys().size(),
				touchpointRequests.size(), demoCustomers.size(), contacts.size(), userCount, surveys, triggers,
				responses, rules, cases);
	}

	private void createUnit(DemoCatalog.Unit unit, @Nullable String parentCode) {
		this.units.create(unit.request(parentCode));
		unit.childrenOrEmpty().forEach((child) -> createUnit(child, unit.code()));
	}

	private record Loaded(int units, int staff, int journeys, int touchpoints, int customers, int interactions,
			int users, int surveys, int triggers, int responses, int rules, int cases) {
	}

}
