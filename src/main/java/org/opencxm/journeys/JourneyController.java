package org.opencxm.journeys;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Created;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The journeys API: journeys with their stages and lifecycle classes, and touchpoints.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Journeys", description = "Customer journeys, stages, lifecycle classes and touchpoints")
class JourneyController {

	private final Journeys journeys;

	private final Touchpoints touchpoints;

	JourneyController(Journeys journeys, Touchpoints touchpoints) {
		this.journeys = journeys;
		this.touchpoints = touchpoints;
	}

	@GetMapping("/journeys")
	Map<String, List<Journey>> journeys() {
		return Map.of("items", this.journeys.list());
	}

	@GetMapping("/journeys/{code}")
	Journey journey(@PathVariable String code) {
		return this.journeys.get(code);
	}

	@PostMapping("/journeys")
	ResponseEntity<Journey> createJourney(@Valid @RequestBody JourneyRequest request) {
		return this.journeys.create(request).answer("/api/v1/journeys/" + request.code());
	}

	@PutMapping("/journeys/{code}")
	ResponseEntity<Journey> putJourney(@PathVariable String code, @Valid @RequestBody JourneyRequest request) {
		return this.journeys.put(code, request).answer("/api/v1/journeys/" + code);
	}

	@GetMapping("/touchpoints")
	PageResult<Touchpoint> touchpoints(@RequestParam(required = false) @Nullable String journey,
			@RequestParam(required = false) @Nullable String stage,
			@RequestParam(required = false) @Nullable String parent,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.touchpoints.list(new TouchpointFilter(journey, stage, parent, active), PageRequest.of(page, size));
	}

	@GetMapping("/touchpoints/{code}")
	Touchpoint touchpoint(@PathVariable String code) {
		return this.touchpoints.get(code);
	}

	@PostMapping("/touchpoints")
	ResponseEntity<Touchpoint> createTouchpoint(@Valid @RequestBody TouchpointRequest request) {
		return this.touchpoints.create(request).answer("/api/v1/touchpoints/" + request.code());
	}

	@PutMapping("/touchpoints/{code}")
	ResponseEntity<Touchpoint> putTouchpoint(@PathVariable String code, @Valid @RequestBody TouchpointRequest request) {
		return this.touchpoints.put(code, request).answer("/api/v1/touchpoints/" + code);
	}

	@DeleteMapping("/touchpoints/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteTouchpoint(@PathVariable String code) {
		this.touchpoints.delete(code);
	}

}
