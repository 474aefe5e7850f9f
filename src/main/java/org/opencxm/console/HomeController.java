package org.opencxm.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.opencxm.org.ApiTokens;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.UserAccount;
import org.opencxm.org.Users;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page. For now a welcome panel: who the user is, what it may see, and where to
 * go; it becomes the overview dashboard once there are metrics to show.
 */
@Controller
class HomeController {

	private final OrgScope scope;

	private final Users users;

	private final OrgUnits units;

	private final ApiTokens tokens;

	private final Clock clock;

	HomeController(OrgScope scope, Users users, OrgUnits units, ApiTokens tokens, Clock clock) {
		this.scope = scope;
		this.users = users;
		this.units = units;
		this.tokens = tokens;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Model model) {
		UserAccount me = this.users.me();
		boolean admin = this.scope.caller().has(Role.ADMIN);
		model.addAttribute("me", me);
		model.addAttribute("roles", me.roles().stream().sorted().toList());
		model.addAttribute("scopeUnit",
				(me.scopeUnitCode() != null) ? this.units.find(me.scopeUnitCode()).orElse(null) : null);
		model.addAttribute("admin", admin);
		model.addAttribute("unitCount", this.units.list().size());
		model.addAttribute("userCount", admin ? this.users.list().size() : 0);
		Instant now = this.clock.instant();
		model.addAttribute("tokenCount",
				this.tokens.list(null)
					.stream()
					.filter((token) -> TokenController.row(token, ZoneOffset.UTC, now).active())
					.count());
		return "home";
	}

}
