package org.opencxm.console;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.Users;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page: the overview a CX manager reads every morning, for the period, org unit
 * and other filters named in the URL ({@code ?period=90d&unit=east&value-tier=VIP}), so
 * that a view can be shared as a link. A unit the caller may not see is a 404, like any
 * other page of it.
 */
@Controller
class OverviewController {

	private final OrgScope scope;

	private final Users users;

	private final OrgUnits units;

	private final Dashboard dashboard;

	OverviewController(OrgScope scope, Users users, OrgUnits units, Dashboard dashboard) {
		this.scope = scope;
		this.users = users;
		this.units = units;
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String overview(@RequestParam(name = "period", required = false) @Nullable String period,
			@RequestParam(name = "unit", required = false) @Nullable String unit,
			@RequestParam Map<String, String> parameters, Model model) {
		this.scope.requireRole(Role.VIEWER);
		OrgUnit selected = (unit != null && !unit.isBlank()) ? this.units.get(unit) : null;
		model.addAttribute("me", this.users.me());
		model.addAttribute("admin", this.scope.caller().has(Role.ADMIN));
		this.dashboard.fill(model, Period.of(period), selected, SliceFilters.of(parameters));
		return "overview";
	}

}
