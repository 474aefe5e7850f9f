package org.opencxm.console;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.UserAccount;
import org.opencxm.org.Users;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LanguageTag;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users for admins: list, create, change roles, scope and whether they may sign in. A
 * scoped admin manages only the users scoped inside its subtree.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final String LIST = "admin/users";

	private static final String FORM = "admin/user-form";

	private final OrgScope scope;

	private final Users users;

	private final OrgUnits units;

	UserAdminController(OrgScope scope, Users users, OrgUnits units) {
		this.scope = scope;
		this.users = users;
		this.units = units;
	}

	@GetMapping
	String list(Model model) {
		this.scope.requireRole(Role.ADMIN);
		model.addAttribute("users", this.users.list());
		model.addAttribute("unitsByCode", unitsByCode());
		return LIST;
	}

	@GetMapping("/new")
	String newUser(Model model) {
		this.scope.requireRole(Role.ADMIN);
		String scopeCode = scopeCode(this.scope.caller());
		return form(model, UserForm.empty(scopeCode), null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("userForm") UserForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.ADMIN);
		if (form.password() == null) {
			errors.rejectValue("password", "validation.required");
		}
		if (!errors.hasErrors() && form.username() != null) {
			try {
				this.users.create(form.request(form.username()));
				redirect.addFlashAttribute("saved", form.username());
				return "redirect:/admin/users";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
			catch (ConflictException ex) {
				errors.rejectValue("username", "admin.users.usernameTaken");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, null);
	}

	@GetMapping("/{username}")
	String edit(@PathVariable String username, Model model) {
		this.scope.requireRole(Role.ADMIN);
		UserAccount user = this.users.get(username);
		return form(model, UserForm.of(user), user);
	}

	@PostMapping("/{username}")
	String update(@PathVariable String username, @Valid @ModelAttribute("userForm") UserForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.ADMIN);
		UserAccount user = this.users.get(username);
		if (username.equals(this.scope.caller().username()) && (!form.hasRole(Role.ADMIN) || !form.enabledOrFalse())) {
			errors.rejectValue("roles", "admin.users.cannotLockOut");
		}
		if (!errors.hasErrors()) {
			try {
				this.users.update(username, form.request(username));
				redirect.addFlashAttribute("saved", username);
				return "redirect:/admin/users";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, user);
	}

	private String form(Model model, UserForm form, @Nullable UserAccount editing) {
		model.addAttribute("userForm", form);
		model.addAttribute("editing", editing);
		model.addAttribute("roles", Role.values());
		model.addAttribute("languages", LanguageTag.values());
		model.addAttribute("units", UnitAdminController.treeOrder(this.units.list()));
		model.addAttribute("wholeCompanyAllowed", !this.scope.caller().scoped());
		return FORM;
	}

	private Map<String, OrgUnit> unitsByCode() {
		return this.units.list().stream().collect(Collectors.toMap(OrgUnit::code, Function.identity()));
	}

	private @Nullable String scopeCode(Caller caller) {
		Long scopeUnitId = caller.scopeUnitId();
		return (scopeUnitId != null) ? this.units.findById(scopeUnitId).map(OrgUnit::code).orElse(null) : null;
	}

}
