package org.opencxm.console;

import org.opencxm.org.OrgScope;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page. Spring Security handles the form it posts (and sign-out); this only
 * draws it.
 */
@Controller
class LoginController {

	private final OrgScope scope;

	LoginController(OrgScope scope) {
		this.scope = scope;
	}

	@GetMapping("/login")
	String login() {
		return (this.scope.currentOrNull() != null) ? "redirect:/" : "login";
	}

}
