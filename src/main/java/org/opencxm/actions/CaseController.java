package org.opencxm.actions;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API: open, list and read cases, move them along, follow them up, and the loop
 * metrics. Every answer with a case carries its version as the ETag; send it back in
 * {@code If-Match} (or as {@code version}) to make a change safe against a concurrent
 * one.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "The closed loop: cases, their history, follow-ups and loop metrics")
class CaseController {

	private final Cases cases;

	private final CaseFollowUps followUps;

	private final LoopMetrics metrics;

	CaseController(Cases cases, CaseFollowUps followUps, LoopMetrics metrics) {
		this.cases = cases;
		this.followUps = followUps;
		this.metrics = metrics;
	}

	@PostMapping
	ResponseEntity<Case> open(@Valid @RequestBody OpenCaseRequest request) {
		Created<Case> result = this.cases.open(request);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/cases/" + result.value().id()))
			.eTag(etag(result.value()))
			.body(result.value());
	}

	@GetMapping
	PageResult<Case> list(@RequestParam(required = false) @Nullable Set<CaseStatus> status,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String owner, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false) @Nullable String touchpoint,
			@RequestParam(required = false) @Nullable Priority priority,
			@RequestParam(required = false) @Nullable Boolean escalated,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.cases.list(new CaseQuery(status, unit, owner, mine, customer, touchpoint, priority, escalated),
				PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	ResponseEntity<Case> get(@PathVariable long id) {
		return ok(this.cases.get(id));
	}

	@GetMapping("/{id}/activity")
	List<CaseActivity> activity(@PathVariable long id) {
		return this.cases.activity(id);
	}

	@PostMapping("/{id}/acknowledge")
	ResponseEntity<Case> acknowledge(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable Versioned body) {
		return ok(this.cases.acknowledge(id, version(ifMatch, (body != null) ? body.version() : null)));
	}

	@PostMapping("/{id}/start")
	ResponseEntity<Case> start(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable Versioned body) {
		return ok(this.cases.start(id, version(ifMatch, (body != null) ? body.version() : null)));
	}

	@PostMapping("/{id}/close")
	ResponseEntity<Case> close(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable Versioned body) {
		return ok(this.cases.close(id, version(ifMatch, (body != null) ? body.version() : null)));
	}

	@PostMapping("/{id}/notes")
	ResponseEntity<Case> note(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@Valid @RequestBody Note body) {
		return ok(this.cases.addNote(id, body.text(), version(ifMatch, body.version())));
	}

	@PatchMapping("/{id}")
	ResponseEntity<Case> edit(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@Valid @RequestBody Edit body) {
		return ok(this.cases.edit(id, body.title(), body.description(), version(ifMatch, body.version())));
	}

	@PostMapping("/{id}/assign")
	ResponseEntity<Case> assign(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@Valid @RequestBody Assign body) {
		return ok(this.cases.assign(id, body.username(), version(ifMatch, body.version())));
	}

	@PostMapping("/{id}/resolve")
	ResponseEntity<Case> resolve(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@Valid @RequestBody ResolveRequest body) {
		Long version = version(ifMatch, body.version());
		return ok(
				this.cases.resolve(id, new ResolveRequest(body.rootCause(), body.summary(), body.recovery(), version)));
	}

	@PostMapping("/{id}/reopen")
	ResponseEntity<Case> reopen(@PathVariable long id,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH,
					required = false) @Nullable String ifMatch,
			@Valid @RequestBody Reopen body) {
		return ok(this.cases.reopen(id, body.reason(), version(ifMatch, body.version())));
	}

	@PostMapping("/{id}/follow-ups")
	ResponseEntity<FollowUp> followUp(@PathVariable long id, @Valid @RequestBody FollowUpBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.followUps.record(id, body.resolved(), body.satisfaction()));
	}

	@GetMapping("/{id}/follow-ups")
	List<FollowUp> followUps(@PathVariable long id) {
		return this.followUps.list(id);
	}

	@GetMapping("/metrics")
	List<LoopFigures> metrics(@RequestParam(defaultValue = "ALL") LoopMetrics.GroupBy groupBy,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String unit, @RequestParam(defaultValue = "UTC") String zone) {
		return this.metrics.figures(groupBy, from, to, unit, zone(zone));
	}

	@GetMapping("/metrics/root-causes")
	List<RootCauseRank> rootCauses(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String unit,
			@Parameter(description = "responses in the same slice, to count NPS points") @RequestParam(
					required = false) @Nullable Long responses,
			@RequestParam(defaultValue = "count") String by) {
		if (!by.equals("count") && !by.equals("nps")) {
			throw new InvalidInputException("by", "must be count or nps");
		}
		return this.metrics.rootCauses(from, to, unit, responses, by.equals("nps"));
	}

	private static ResponseEntity<Case> ok(Case value) {
		return ResponseEntity.ok().eTag(etag(value)).body(value);
	}

	private static String etag(Case value) {
		return "\"" + value.version() + "\"";
	}

	/**
	 * The version from If-Match ({@code "3"}, {@code W/"3"} or {@code 3}), else from the
	 * body.
	 */
	static @Nullable Long version(@Nullable String ifMatch, @Nullable Long body) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return body;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "must be the case version from the ETag, e.g. \"3\"");
		}
	}

	private static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("zone", "is not a known time zone, e.g. Asia/Shanghai");
		}
	}

	record Versioned(@Nullable Long version) {
	}

	record Note(@NotBlank @Size(max = 4000) String text, @Nullable Long version) {
	}

	record Edit(@NotBlank @Size(max = 200) String title, @Nullable @Size(max = 4000) String description,
			@Nullable Long version) {
	}

	record Assign(@NotBlank String username, @Nullable Long version) {
	}

	record Reopen(@NotBlank @Size(max = 1000) String reason, @Nullable Long version) {
	}

	record FollowUpBody(@NotNull Boolean resolved, @Nullable @Min(1) @Max(5) Integer satisfaction) {
	}

}
