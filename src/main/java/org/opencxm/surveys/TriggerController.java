package org.opencxm.surveys;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.Created;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Triggers and the invitations they create.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Triggers", description = "When to send which survey, the contact rules, and the invitations")
class TriggerController {

	private final Triggers triggers;

	private final Invitations invitations;

	private final OrgScope scope;

	TriggerController(Triggers triggers, Invitations invitations, OrgScope scope) {
		this.triggers = triggers;
		this.invitations = invitations;
		this.scope = scope;
	}

	@GetMapping("/survey-triggers")
	List<Trigger> list() {
		this.scope.requireRole(Role.VIEWER);
		return this.triggers.list();
	}

	@GetMapping("/survey-triggers/{code}")
	Trigger get(@PathVariable String code) {
		this.scope.requireRole(Role.VIEWER);
		return this.triggers.get(code);
	}

	@PostMapping("/survey-triggers")
	ResponseEntity<Trigger> create(@Valid @RequestBody TriggerRequest request) {
		Created<Trigger> result = this.triggers.create(request);
		return result.answer("/api/v1/survey-triggers/" + result.value().code());
	}

	@PutMapping("/survey-triggers/{code}")
	ResponseEntity<Trigger> put(@PathVariable String code, @Valid @RequestBody TriggerRequest request) {
		Created<Trigger> result = this.triggers.put(code, request);
		return result.answer("/api/v1/survey-triggers/" + result.value().code());
	}

	@GetMapping("/invitations")
	PageResult<Invitation> invitations(@RequestParam(required = false) @Nullable String survey,
			@RequestParam(required = false) @Nullable String customer,
			@RequestParam(required = false) @Nullable InvitationStatus status,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.invitations.list(survey, customer, status, PageRequest.of(page, size));
	}

	@GetMapping("/invitations/{id}")
	Invitation invitation(@PathVariable long id) {
		return this.invitations.get(id);
	}

}
