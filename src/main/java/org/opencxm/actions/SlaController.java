package org.opencxm.actions;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA policies per priority and the business calendars of units.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "SLAs", description = "SLA policies per priority and unit business calendars")
class SlaController {

	private final SlaSettings settings;

	SlaController(SlaSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/sla-policies")
	List<SlaPolicy> policies() {
		return this.settings.policies();
	}

	@PutMapping("/sla-policies/{priority}")
	SlaPolicy putPolicy(@PathVariable Priority priority, @Valid @RequestBody PolicyBody body) {
		return this.settings.putPolicy(new SlaPolicy(priority, body.firstResponseMinutes(), body.resolutionMinutes()));
	}

	@GetMapping("/unit-calendars/{unitCode}")
	UnitCalendar calendar(@PathVariable String unitCode) {
		return this.settings.calendar(unitCode);
	}

	@PutMapping("/unit-calendars/{unitCode}")
	UnitCalendar putCalendar(@PathVariable String unitCode, @Valid @RequestBody UnitCalendarRequest request) {
		return this.settings.putCalendar(unitCode, request);
	}

	@DeleteMapping("/unit-calendars/{unitCode}")
	ResponseEntity<Void> deleteCalendar(@PathVariable String unitCode) {
		this.settings.deleteCalendar(unitCode);
		return ResponseEntity.noContent().build();
	}

	record PolicyBody(@Min(1) @Max(525600) int firstResponseMinutes, @Min(1) @Max(525600) int resolutionMinutes) {
	}

}
