package org.opencxm.actions;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.opencxm.shared.Created;

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
import org.springframework.web.bind.annotation.RestController;

/**
 * The root-cause taxonomy API.
 */
@RestController
@RequestMapping("/api/v1/root-causes")
@Tag(name = "Root causes", description = "The managed taxonomy cases are resolved with")
class RootCauseController {

	private final RootCauses rootCauses;

	RootCauseController(RootCauses rootCauses) {
		this.rootCauses = rootCauses;
	}

	@GetMapping
	List<RootCause> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
		return this.rootCauses.list(includeRetired);
	}

	@GetMapping("/{code}")
	RootCause get(@PathVariable String code) {
		return this.rootCauses.get(code);
	}

	@PostMapping
	ResponseEntity<RootCause> create(@Valid @RequestBody RootCauseRequest request) {
		return answer(this.rootCauses.create(request));
	}

	@PutMapping("/{code}")
	ResponseEntity<RootCause> put(@PathVariable String code, @Valid @RequestBody RootCauseRequest request) {
		return answer(this.rootCauses.put(code, request));
	}

	/**
	 * Deletes an unused cause (204) or retires one in use (200 with the retired cause).
	 */
	@DeleteMapping("/{code}")
	ResponseEntity<RootCause> delete(@PathVariable String code) {
		if (this.rootCauses.delete(code)) {
			return ResponseEntity.noContent().build();
		}
		return ResponseEntity.ok(this.rootCauses.get(code));
	}

	private static ResponseEntity<RootCause> answer(Created<RootCause> result) {
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/root-causes/" + result.value().code()))
			.body(result.value());
	}

}
