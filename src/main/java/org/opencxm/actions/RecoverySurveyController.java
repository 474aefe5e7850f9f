package org.opencxm.actions;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recovery survey API: the workspace's settings, and the surveys sent for a case.
 */
@RestController
@Tag(name = "Recovery survey", description = "The follow-up survey a customer gets when their case is resolved")
class RecoverySurveyController {

	private final RecoverySurveys recovery;

	RecoverySurveyController(RecoverySurveys recovery) {
		this.recovery = recovery;
	}

	@GetMapping("/api/v1/recovery-survey")
	RecoverySettings settings() {
		return this.recovery.settings();
	}

	@PutMapping("/api/v1/recovery-survey")
	RecoverySettings put(@Valid @RequestBody RecoverySettingsRequest request) {
		return this.recovery.put(request);
	}

	@GetMapping("/api/v1/cases/{id}/recovery-surveys")
	List<RecoverySurvey> list(@PathVariable long id) {
		return this.recovery.list(id);
	}

}
