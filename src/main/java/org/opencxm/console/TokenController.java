package org.opencxm.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.ApiTokens;
import org.opencxm.org.ApiTokens.ApiToken;
import org.opencxm.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My API tokens", for every signed-in user: create one (its secret is shown this once),
 * see when each was last used, revoke one in place.
 */
@Controller
@RequestMapping("/account/tokens")
class TokenController {

	private static final String PAGE = "account/tokens";

	private final ApiTokens tokens;

	private final DisplayTime time;

	private final Clock clock;

	TokenController(ApiTokens tokens, DisplayTime time, Clock clock) {
		this.tokens = tokens;
		this.time = time;
		this.clock = clock;
	}

	/**
	 * A token as the page lists it, times already in the user's time zone.
	 */
	record TokenRow(long id, String name, String prefix, String createdAt, @Nullable String expiresAt,
			@Nullable String lastUsedAt, @Nullable String revokedAt, Status status) {

		public boolean active() {
			return this.status == Status.ACTIVE;
		}

	}

	enum Status {

		ACTIVE, EXPIRED, REVOKED

	}

	@GetMapping
	String page(Model model) {
		return page(model, TokenForm.empty());
	}

	@PostMapping
	String issue(@Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (errors.hasErrors() || form.name() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(model, form);
		}
		ApiTokens.IssuedToken issued = this.tokens.issue(form.name(), form.validDays());
		redirect.addFlashAttribute("issued", issued);
		return "redirect:/account/tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, RedirectAttributes redirect) {
		boolean mine = this.tokens.list(null).stream().anyMatch((token) -> token.id() == id);
		if (!mine) {
			throw new NotFoundException("token", id);
		}
		ApiToken revoked = this.tokens.revoke(id);
		if (htmx != null) {
			model.addAttribute("token", row(revoked, this.time.zone(), this.clock.instant()));
			return PAGE + " :: row";
		}
		redirect.addFlashAttribute("revoked", revoked.name());
		return "redirect:/account/tokens";
	}

	private String page(Model model, TokenForm form) {
		ZoneId zone = this.time.zone();
		Instant now = this.clock.instant();
		List<TokenRow> rows = this.tokens.list(null).reversed().stream().map((token) -> row(token, zone, now)).toList();
		model.addAttribute("tokenForm", form);
		model.addAttribute("tokens", rows);
		model.addAttribute("zone", zone.getId());
		return PAGE;
	}

	static TokenRow row(ApiToken token, ZoneId zone, Instant now) {
		Status status = (token.revokedAt() != null) ? Status.REVOKED
				: (token.expiresAt() != null && !now.isBefore(token.expiresAt())) ? Status.EXPIRED : Status.ACTIVE;
		return new TokenRow(token.id(), token.name(), token.prefix(), DisplayTime.format(token.createdAt(), zone),
				DisplayTime.format(token.expiresAt(), zone), DisplayTime.format(token.lastUsedAt(), zone),
				DisplayTime.format(token.revokedAt(), zone), status);
	}

}
