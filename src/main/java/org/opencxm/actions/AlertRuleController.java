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
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert rule API.
 */
@RestController
@RequestMapping("/api/v1/alert-rules")
@Tag(name = "Alert rules",
		description = "Conditions on single responses that open cases and notify people, and drops of aggregates against the previous period")
class AlertRuleController {

	private final AlertRules rules;

	private final DropAlerts drops;

	AlertRuleController(AlertRules rules, DropAlerts drops) {
		this.rules = rules;
		this.drops = drops;
	}

	/** The drops a DROP rule reported, newest period first. */
	@GetMapping("/{code}/drops")
	List<DropAlert> drops(@PathVariable String code) {
		return this.drops.list(code);
	}

	@GetMapping
	List<AlertRule> list() {
		return this.rules.list();
	}

	@GetMapping("/{code}")
	AlertRule get(@PathVariable String code) {
		return this.rules.get(code);
	}

	@PostMapping
	ResponseEntity<AlertRule> create(@Valid @RequestBody AlertRuleRequest request) {
		return answer(this.rules.create(request));
	}

	@PutMapping("/{code}")
	ResponseEntity<AlertRule> put(@PathVariable String code, @Valid @RequestBody AlertRuleRequest request) {
		return answer(this.rules.put(code, request));
	}

	@DeleteMapping("/{code}")
	ResponseEntity<Void> delete(@PathVariable String code) {
		this.rules.delete(code);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<AlertRule> answer(Created<AlertRule> result) {
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/alert-rules/" + result.value().code()))
			.body(result.value());
	}

}
