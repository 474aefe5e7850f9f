package org.opencxm.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnitKind;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The org-unit tree for admins: list, create, edit. A scoped admin sees and changes only
 * its own subtree; the service enforces it, the page only offers what the service would
 * accept.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

	/** Offered as suggestions; any zone id the JDK knows is accepted. */
	static final List<String> COMMON_TIME_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
			"Asia/Singapore", "Asia/Tokyo", "Asia/Seoul", "Asia/Kolkata", "Asia/Dubai", "Europe/London",
			"Europe/Berlin", "Europe/Paris", "Europe/Moscow", "America/New_York", "America/Chicago", "America/Denver",
			"America/Los_Angeles", "America/Sao_Paulo", "Australia/Sydney", "Pacific/Auckland", "UTC");

	private static final Comparator<OrgUnit> BY_CODE = Comparator.comparing(OrgUnit::code);

	private static final String LIST = "admin/units";

	private static final String FORM = "admin/unit-form";

	private final OrgScope scope;

	private final OrgUnits units;

	UnitAdminController(OrgScope scope, OrgUnits units) {
		this.scope = scope;
		this.units = units;
	}

	@GetMapping
	String list(Model model) {
		this.scope.requireRole(Role.ADMIN);
		model.addAttribute("units", treeOrder(this.units.list()));
		model.addAttribute("scoped", this.scope.caller().scoped());
		return LIST;
	}

	@GetMapping("/new")
	String newUnit(@RequestParam(name = "parent", required = false) @Nullable String parent, Model model) {
		this.scope.requireRole(Role.ADMIN);
		if (parent != null) {
			this.units.get(parent);
		}
		return form(model, UnitForm.empty(parent), null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("unitForm") UnitForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.ADMIN);
		if (!errors.hasErrors()) {
			try {
				Created<OrgUnit> created = this.units.create(form.request());
				redirect.addFlashAttribute("saved", created.value().code());
				return "redirect:/admin/units";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
			catch (ConflictException ex) {
				errors.rejectValue("code", "admin.units.codeTaken");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, null);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		this.scope.requireRole(Role.ADMIN);
		OrgUnit unit = this.units.get(code);
		return form(model, UnitForm.of(unit), unit);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @Valid @ModelAttribute("unitForm") UnitForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.ADMIN);
		OrgUnit unit = this.units.get(code);
		if (!errors.hasErrors()) {
			try {
				this.units.put(code, form.request());
				redirect.addFlashAttribute("saved", code);
				return "redirect:/admin/units";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, unit);
	}

	private String form(Model model, UnitForm form, @Nullable OrgUnit editing) {
		List<OrgUnit> all = treeOrder(this.units.list());
		Set<String> excluded = (editing != null) ? subtreeCodes(all, editing.code()) : Set.of();
		model.addAttribute("unitForm", form);
		model.addAttribute("editing", editing);
		model.addAttribute("parents", all.stream().filter((unit) -> !excluded.contains(unit.code())).toList());
		model.addAttribute("topLevelAllowed", !this.scope.caller().scoped());
		model.addAttribute("kinds", OrgUnitKind.values());
		model.addAttribute("timeZones", COMMON_TIME_ZONES);
		return FORM;
	}

	/**
	 * Each unit followed by its sub-units, siblings in code order: the order of an
	 * indented tree. A unit whose parent the caller cannot see starts a tree of its own.
	 */
	static List<OrgUnit> treeOrder(List<OrgUnit> units) {
		Set<String> codes = units.stream().map(OrgUnit::code).collect(Collectors.toSet());
		Map<String, List<OrgUnit>> children = new HashMap<>();
		List<OrgUnit> roots = new ArrayList<>();
		for (OrgUnit unit : units) {
			if (unit.parentCode() != null && codes.contains(unit.parentCode())) {
				children.computeIfAbsent(unit.parentCode(), (parent) -> new ArrayList<>()).add(unit);
			}
			else {
				roots.add(unit);
			}
		}
		List<OrgUnit> ordered = new ArrayList<>(units.size());
		Deque<OrgUnit> pending = new ArrayDeque<>();
		roots.stream().sorted(BY_CODE.reversed()).forEach(pending::push);
		while (!pending.isEmpty()) {
			OrgUnit unit = pending.pop();
			ordered.add(unit);
			children.getOrDefault(unit.code(), List.of()).stream().sorted(BY_CODE.reversed()).forEach(pending::push);
		}
		return ordered;
	}

	/**
	 * The unit and everything below it: a unit cannot move under itself, so these are not
	 * offered as its parent.
	 */
	static Set<String> subtreeCodes(List<OrgUnit> units, String root) {
		Set<String> codes = new HashSet<>();
		codes.add(root);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (OrgUnit unit : units) {
				if (unit.parentCode() != null && codes.contains(unit.parentCode()) && codes.add(unit.code())) {
					grew = true;
				}
			}
		}
		return codes;
	}

}
