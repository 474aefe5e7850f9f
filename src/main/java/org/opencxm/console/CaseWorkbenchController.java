package org.opencxm.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.opencxm.actions.Case;
import org.opencxm.actions.CaseActivity;
import org.opencxm.actions.CaseQuery;
import org.opencxm.actions.CaseStatus;
import org.opencxm.actions.Cases;
import org.opencxm.actions.CompensationType;
import org.opencxm.actions.RootCauses;
import org.opencxm.org.Caller;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.surveys.Responses;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case workbench: an inbox (my cases, my unit's, the overdue ones) and a case page
 * with its history, notes, reassignment and the resolution form with root cause and
 * recovery. The case service checks roles and scope; a case outside the caller's scope is
 * a 404.
 */
@Controller
class CaseWorkbenchController {

	private static final int PAGE_SIZE = 50;

	/** How many open cases the overdue view looks through, most urgent first. */
	private static final int OVERDUE_WINDOW = PageRequest.MAX_SIZE;

	private final Cases cases;

	private final RootCauses rootCauses;

	private final OrgScope scope;

	private final OrgUnits units;

	private final DisplayTime time;

	private final Clock clock;

	private final Responses responses;

	private final CommentMarks marks;

	CaseWorkbenchController(Cases cases, RootCauses rootCauses, OrgScope scope, OrgUnits units, DisplayTime time,
			Clock clock, Responses responses, CommentMarks marks) {
		this.responses = responses;
		this.marks = marks;
		this.cases = cases;
		this.rootCauses = rootCauses;
		this.scope = scope;
		this.units = units;
		this.time = time;
		this.clock = clock;
	}

	/** The inbox views. */
	enum View {

		MINE, UNIT, OVERDUE;

		static View of(@Nullable String code, Caller caller) {
			if (code != null) {
				for (View view : values()) {
					if (view.name().equalsIgnoreCase(code)) {
						return view;
					}
				}
			}
			return caller.has(Role.UNIT_MANAGER) ? UNIT : MINE;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** A case in a list, with its times where the user works. */
	record Row(Case item, @Nullable String unitName, String openedAt, String resolutionDue, boolean overdue) {

	}

	@GetMapping("/cases")
	String inbox(@RequestParam(name = "view", required = false) @Nullable String viewCode,
			@RequestParam(name = "page", required = false) @Nullable Integer page, Model model) {
		this.scope.requireRole(Role.VIEWER);
		Caller caller = this.scope.caller();
		View view = View.of(viewCode, caller);
		int number = (page != null && page >= 0) ? page : 0;
		PageResult<Case> result = switch (view) {
			case MINE -> this.cases.list(query(null, true), new PageRequest(number, PAGE_SIZE));
			case UNIT -> this.cases.list(query(scopeUnitCode(caller), false), new PageRequest(number, PAGE_SIZE));
			case OVERDUE -> overdue();
		};
		ZoneId zone = this.time.zone();
		Instant now = this.clock.instant();
		model.addAttribute("view", view);
		model.addAttribute("views", View.values());
		model.addAttribute("rows", result.items().stream().map((item) -> row(item, zone, now)).toList());
		model.addAttribute("result", result);
		model.addAttribute("nextPage", ((long) (number + 1) * PAGE_SIZE < result.total()) ? number + 1 : null);
		model.addAttribute("previousPage", (number > 0) ? number - 1 : null);
		return "cases/inbox";
	}

	private static CaseQuery query(@Nullable String unit, boolean mine) {
		return new CaseQuery(CaseStatus.OPEN, unit, null, mine, null, null, null, null);
	}

	private @Nullable String scopeUnitCode(Caller caller) {
		return (caller.scopeUnitId() != null)
				? this.units.findById(caller.scopeUnitId()).map(OrgUnit::code).orElse(null) : null;
	}

	/**
	 * Open cases past a due time, from the most recent open cases the caller may see; the
	 * case list has no due-time filter of its own.
	 */
	private PageResult<Case> overdue() {
		Instant now = this.clock.instant();
		List<Case> open = this.cases.list(query(null, false), new PageRequest(0, OVERDUE_WINDOW)).items();
		List<Case> late = open.stream()
			.filter((item) -> overdue(item, now))
			.sorted(Comparator.comparing(Case::resolutionDue))
			.toList();
		return new PageResult<>(late, 0, OVERDUE_WINDOW, late.size());
	}

	static boolean overdue(Case item, Instant now) {
		return item.status().open()
				&& (item.resolutionBreached() || item.firstResponseBreached() || item.resolutionDue().isBefore(now)
						|| (item.firstRespondedAt() == null && item.firstResponseDue().isBefore(now)));
	}

	private Row row(Case item, ZoneId zone, Instant now) {
		String unitName = this.units.find(item.unit())
			.map((unit) -> unit.name().in(org.springframework.context.i18n.LocaleContextHolder.getLocale()))
			.orElse(null);
		return new Row(item, unitName, String.valueOf(DisplayTime.format(item.openedAt(), zone)),
				String.valueOf(DisplayTime.format(item.resolutionDue(), zone)), overdue(item, now));
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, Model model) {
		this.scope.requireRole(Role.VIEWER);
		Case item = this.cases.get(id);
		return page(model, item, ResolveForm.empty(item));
	}

	private String page(Model model, Case item, ResolveForm form) {
		ZoneId zone = this.time.zone();
		Caller caller = this.scope.caller();
		List<CaseActivity> history = this.cases.activity(item.id());
		model.addAttribute("item", item);
		model.addAttribute("row", row(item, zone, this.clock.instant()));
		model.addAttribute("history", history);
		model.addAttribute("comments", comments(item));
		model.addAttribute("zone", zone);
		model.addAttribute("rootCauses", this.rootCauses.list(false));
		model.addAttribute("rootCauseName",
				(item.resolution() == null) ? null : this.rootCauses.list(true)
					.stream()
					.filter((cause) -> cause.code().equals(item.resolution().rootCause()))
					.findFirst()
					.map((cause) -> cause.name().in(org.springframework.context.i18n.LocaleContextHolder.getLocale()))
					.orElse(item.resolution().rootCause()));
		model.addAttribute("compensationTypes", CompensationType.values());
		model.addAttribute("resolveForm", form);
		model.addAttribute("canWork", caller.has(Role.AGENT));
		model.addAttribute("canAssign", caller.has(Role.UNIT_MANAGER));
		return "cases/case";
	}

	/**
	 * The comments of the response a case came from, marked by their stored analysis;
	 * none for another source or a response the caller may not see.
	 */
	private List<CommentMarks.MarkedComment> comments(Case item) {
		Long responseId = item.source().id();
		if (item.source().type() != org.opencxm.actions.SourceType.RESPONSE || responseId == null) {
			return List.of();
		}
		return this.responses.find(responseId)
			.map((response) -> this.marks.of(List.of(response)).getOrDefault(response.id(), List.of()))
			.orElse(List.of());
	}

	@PostMapping("/cases/{id}/notes")
	String note(@PathVariable long id, @RequestParam(name = "text", required = false) @Nullable String text,
			RedirectAttributes redirect) {
		if (text == null || text.isBlank()) {
			redirect.addFlashAttribute("problem", "cases.note.empty");
		}
		else {
			this.cases.addNote(id, text.strip(), null);
			redirect.addFlashAttribute("saved", "cases.note.saved");
		}
		return "redirect:/cases/" + id + "#history";
	}

	@PostMapping("/cases/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(name = "username", required = false) @Nullable String username,
			@RequestParam(name = "version", required = false) @Nullable Long version, RedirectAttributes redirect) {
		if (username == null || username.isBlank()) {
			redirect.addFlashAttribute("problem", "cases.assign.unknown");
			return "redirect:/cases/" + id;
		}
		return act(id, redirect, "cases.assign.saved", () -> this.cases.assign(id, username.strip(), version));
	}

	@PostMapping("/cases/{id}/status")
	String status(@PathVariable long id, @RequestParam("action") String action,
			@RequestParam(name = "version", required = false) @Nullable Long version,
			@RequestParam(name = "reason", required = false) @Nullable String reason, RedirectAttributes redirect) {
		return act(id, redirect, "cases.status.saved", () -> {
			switch (action) {
				case "acknowledge" -> this.cases.acknowledge(id, version);
				case "start" -> this.cases.start(id, version);
				case "close" -> this.cases.close(id, version);
				case "reopen" -> this.cases.reopen(id, (reason != null && !reason.isBlank()) ? reason : "-", version);
				default -> throw new InvalidInputException("action", "unknown action " + action);
			}
		});
	}

	@PostMapping("/cases/{id}/resolve")
	String resolve(@PathVariable long id, @Valid @ModelAttribute("resolveForm") ResolveForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Case item = this.cases.get(id);
		if (form.version() != null && form.version() != item.version()) {
			redirect.addFlashAttribute("problem", "cases.conflict");
			return "redirect:/cases/" + id;
		}
		if (!errors.hasErrors() && form.rootCause() != null
				&& this.rootCauses.list(false).stream().noneMatch((cause) -> cause.code().equals(form.rootCause()))) {
			errors.rejectValue("rootCause", "cases.resolve.unknownRootCause");
		}
		if (!errors.hasErrors() && !form.recovered()) {
			errors.rejectValue("fix", "cases.resolve.noRecovery");
		}
		if (!errors.hasErrors()) {
			try {
				advanceToWork(item);
				this.cases.resolve(id, form.request(null));
				redirect.addFlashAttribute("saved", "cases.resolve.saved");
				return "redirect:/cases/" + id;
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(errors, ex, Map.of("recovery.fix", "fix", "recovery", "fix"));
			}
			catch (ConflictException ex) {
				redirect.addFlashAttribute("problem", "cases.conflict");
				return "redirect:/cases/" + id;
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, item, form);
	}

	/**
	 * A case is resolved from work in progress; resolving a new, acknowledged or reopened
	 * case from this page records those steps first, as the one who resolves it.
	 */
	private void advanceToWork(Case item) {
		CaseStatus status = item.status();
		if (status == CaseStatus.NEW) {
			this.cases.acknowledge(item.id(), null);
			status = CaseStatus.ACKNOWLEDGED;
		}
		if (status == CaseStatus.ACKNOWLEDGED || status == CaseStatus.REOPENED) {
			this.cases.start(item.id(), null);
		}
	}

	private String act(long id, RedirectAttributes redirect, String notice, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", notice);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", "cases.conflict");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", ex.violations().stream().anyMatch((v) -> v.field().equals("username"))
					? "cases.assign.unknown" : "cases.notAllowedNow");
		}
		return "redirect:/cases/" + id;
	}

}
