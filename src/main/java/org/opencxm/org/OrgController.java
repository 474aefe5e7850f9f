package org.opencxm.org;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Created;
import org.opencxm.shared.LanguageTag;
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
 * The org API: units, staff, users and the caller's own tokens.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Org", description = "Org units, staff, users and API tokens")
class OrgController {

	private final OrgUnits units;

	private final Staff staff;

	private final Users users;

	private final ApiTokens tokens;

	OrgController(OrgUnits units, Staff staff, Users users, ApiTokens tokens) {
		this.units = units;
		this.staff = staff;
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping("/org-units")
	Map<String, List<OrgUnit>> units() {
		return Map.of("items", this.units.list());
	}

	@GetMapping("/org-units/{code}")
	OrgUnit unit(@PathVariable String code) {
		return this.units.get(code);
	}

	@PostMapping("/org-units")
	ResponseEntity<OrgUnit> createUnit(@Valid @RequestBody OrgUnitRequest request) {
		return this.units.create(request).answer("/api/v1/org-units/" + request.code());
	}

	@PutMapping("/org-units/{code}")
	ResponseEntity<OrgUnit> putUnit(@PathVariable String code, @Valid @RequestBody OrgUnitRequest request) {
		return this.units.put(code, request).answer("/api/v1/org-units/" + code);
	}

	@GetMapping("/staff")
	PageResult<StaffMember> staff(@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		return this.staff.list(unit, PageRequest.of(page, size));
	}

	@GetMapping("/staff/{code}")
	StaffMember staffMember(@PathVariable String code) {
		return this.staff.get(code);
	}

	@PostMapping("/staff")
	ResponseEntity<StaffMember> createStaff(@Valid @RequestBody StaffRequest request) {
		return this.staff.create(request).answer("/api/v1/staff/" + request.code());
	}

	@PutMapping("/staff/{code}")
	ResponseEntity<StaffMember> putStaff(@PathVariable String code, @Valid @RequestBody StaffRequest request) {
		return this.staff.put(code, request).answer("/api/v1/staff/" + code);
	}

	@GetMapping("/users")
	Map<String, List<UserAccount>> users() {
		return Map.of("items", this.users.list());
	}

	@GetMapping("/users/me")
	UserAccount me() {
		return this.users.me();
	}

	@PutMapping("/users/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody PasswordChange change) {
		this.users.changeOwnPassword(change.currentPassword(), change.newPassword());
	}

	@PutMapping("/users/me/locale")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changeLocale(@Valid @RequestBody LocaleChange change) {
		this.users.changeOwnLocale(change.locale());
	}

	@GetMapping("/users/{username}")
	UserAccount user(@PathVariable String username) {
		return this.users.get(username);
	}

	@PostMapping("/users")
	ResponseEntity<UserAccount> createUser(@Valid @RequestBody UserRequest request) {
		return this.users.create(request).answer("/api/v1/users/" + request.username());
	}

	@PutMapping("/users/{username}")
	UserAccount putUser(@PathVariable String username, @Valid @RequestBody UserRequest request) {
		return this.users.update(username, request);
	}

	@GetMapping("/tokens")
	Map<String, List<ApiTokens.ApiToken>> tokens(@RequestParam(required = false) @Nullable String user) {
		return Map.of("items", this.tokens.list(user));
	}

	@PostMapping("/tokens")
	ResponseEntity<ApiTokens.IssuedToken> issueToken(@Valid @RequestBody TokenRequest request) {
		ApiTokens.IssuedToken issued = this.tokens.issue(request.name(), request.validDays());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id())).body(issued);
	}

	@DeleteMapping("/tokens/{id}")
	ApiTokens.ApiToken revokeToken(@PathVariable long id) {
		return this.tokens.revoke(id);
	}

	record PasswordChange(@NotBlank String currentPassword,
			@NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String newPassword) {
	}

	record LocaleChange(@jakarta.validation.constraints.NotNull LanguageTag locale) {
	}

	record TokenRequest(@NotBlank @Size(max = 100) String name, @Nullable @Min(1) @Max(3650) Integer validDays) {
	}

}
