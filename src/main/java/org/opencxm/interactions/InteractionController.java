package org.opencxm.interactions;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.shared.Created;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact archive API: record contacts one by one or in batches, list them, and read
 * a customer's timeline.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Interactions", description = "The contact archive: every recorded contact of a customer")
class InteractionController {

	private final ContactArchive archive;

	private final ContactHistory history;

	private final Customers customers;

	private final Touchpoints touchpoints;

	private final OrgUnits units;

	private final OrgScope scope;

	InteractionController(ContactArchive archive, ContactHistory history, Customers customers, Touchpoints touchpoints,
			OrgUnits units, OrgScope scope) {
		this.archive = archive;
		this.history = history;
		this.customers = customers;
		this.touchpoints = touchpoints;
		this.units = units;
		this.scope = scope;
	}

	/**
	 * Records one contact. A retry with the same event id answers exactly as the first
	 * time did (201 and the same interaction), marked with
	 * {@code Idempotent-Replayed: true}.
	 */
	@PostMapping("/interactions")
	ResponseEntity<Interaction> record(@RequestBody InteractionRequest request) {
		Created<Interaction> result = this.archive.record(request);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/interactions/" + result.value().id()))
			.header("Idempotent-Replayed", String.valueOf(!result.created()))
			.body(result.value());
	}

	@PostMapping("/interactions/batch")
	BatchResult recordBatch(@jakarta.validation.Valid @RequestBody Batch batch) {
		return this.archive.recordBatch(batch.items());
	}

	@GetMapping("/interactions/{id}")
	Interaction get(@PathVariable long id) {
		return this.history.get(id);
	}

	@GetMapping("/interactions")
	PageResult<Interaction> list(@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false) @Nullable String touchpoint,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		Long customerId = (customer != null) ? this.customers.refByExternalId(customer)
			.orElseThrow(() -> new NotFoundException("customer", customer))
			.id() : null;
		Long touchpointId = (touchpoint != null) ? this.touchpoints.refsByCode(List.of(touchpoint))
			.values()
			.stream()
			.map(TouchpointRef::id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("touchpoint", touchpoint)) : null;
		List<Long> unitIds = null;
		if (unit != null) {
			long unitId = this.units.find(unit).orElseThrow(() -> new NotFoundException("org unit", unit)).id();
			unitIds = List.copyOf(this.scope.subtree(unitId).ids());
		}
		return this.history.list(new ContactHistory.Filter(customerId, touchpointId, unitIds, from, to),
				PageRequest.of(page, size));
	}

	@GetMapping("/customers/{externalId}/timeline")
	ContactHistory.Timeline timeline(@PathVariable String externalId,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.history.timeline(externalId, PageRequest.of(page, size));
	}

	record Batch(@NotNull List<InteractionRequest> items) {
	}

}
