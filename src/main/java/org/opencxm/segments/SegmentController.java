package org.opencxm.segments;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.shared.Created;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The segment API: definitions, live counts and members, a preview of a rule, and the
 * segments of a customer.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Segments", description = "Target accounts: named rules over customers, with live counts and members")
class SegmentController {

	private final Segments segments;

	SegmentController(Segments segments) {
		this.segments = segments;
	}

	@GetMapping("/segments")
	PageResult<Segment> list(@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.segments.list(PageRequest.of(page, size));
	}

	@GetMapping("/segments/{code}")
	Segment get(@PathVariable String code) {
		return this.segments.get(code);
	}

	@PostMapping("/segments")
	ResponseEntity<Segment> create(@Valid @RequestBody SegmentRequest request) {
		return located(this.segments.create(request));
	}

	@PutMapping("/segments/{code}")
	ResponseEntity<Segment> put(@PathVariable String code, @Valid @RequestBody SegmentRequest request) {
		return located(this.segments.put(code, request));
	}

	@DeleteMapping("/segments/{code}")
	ResponseEntity<Void> delete(@PathVariable String code) {
		this.segments.delete(code);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/segments/{code}/count")
	SegmentCount count(@PathVariable String code) {
		return this.segments.count(code);
	}

	@GetMapping("/segments/{code}/members")
	PageResult<Customer> members(@PathVariable String code, @RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.segments.members(code, PageRequest.of(page, size));
	}

	@PostMapping("/segments/preview")
	SegmentCount preview(@Valid @RequestBody Preview request) {
		return this.segments.preview(request.rule());
	}

	@GetMapping("/customers/{externalId}/segments")
	Map<String, List<SegmentRef>> memberships(@PathVariable String externalId) {
		return Map.of("items", this.segments.membershipsOf(externalId));
	}

	private static ResponseEntity<Segment> located(Created<Segment> result) {
		return result.answer("/api/v1/segments/" + result.value().code());
	}

	/** A rule to count without saving it. */
	record Preview(@NotNull JsonNode rule) {
	}

}
