package org.opencxm.console;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.BrandExperienceLevel;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.ContactType;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.Touchpoint;
import org.opencxm.journeys.TouchpointRequest;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SemModule;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creates and changes the touchpoints of a journey: a touchpoint under a stage or under a
 * parent touchpoint of the same stage, with its contact type, channel, SEM modules,
 * weight, owner unit and standard actions. A scoped CX manager picks owners among its own
 * units; the touchpoints service refuses changes to touchpoints owned outside its scope.
 */
@Controller
@RequestMapping("/design/journeys/{journey}/touchpoints")
class TouchpointDesignController {

	static final String FORM_NAME = "touchpointForm";

	private final OrgScope scope;

	private final Journeys journeys;

	private final Touchpoints touchpoints;

	private final OrgUnits units;

	private final Validator validator;

	private final MessageSource messages;

	TouchpointDesignController(OrgScope scope, Journeys journeys, Touchpoints touchpoints, OrgUnits units,
			Validator validator, MessageSource messages) {
		this.messages = messages;
		this.scope = scope;
		this.journeys = journeys;
		this.touchpoints = touchpoints;
		this.units = units;
		this.validator = validator;
	}

	/** A touchpoint that may be chosen as the parent, labelled with its stage. */
	record ParentChoice(String code, String stageCode, Touchpoint touchpoint, Journey.Stage stage, int depth) {
	}

	@GetMapping("/new")
	String newTouchpoint(@PathVariable String journey,
			@RequestParam(name = "stage", required = false) @Nullable String stage,
			@RequestParam(name = "parent", required = false) @Nullable String parent, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Journey current = this.journeys.get(journey);
		String stageCode = stage;
		if (parent != null) {
			stageCode = touchpointOf(current, parent).stageCode();
		}
		if (stageCode == null && !current.stages().isEmpty()) {
			stageCode = current.stages().get(0).code();
		}
		return page(model, current, TouchpointForm.empty(stageCode, parent), null);
	}

	@PostMapping
	String create(@PathVariable String journey, @ModelAttribute(FORM_NAME) TouchpointForm form, BindingResult errors,
			@RequestParam(name = "op", required = false) @Nullable String op, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Journey current = this.journeys.get(journey);
		if (op != null) {
			TouchpointForm changed = form.apply(op);
			model.addAttribute("focus",
					RowOps.focusField(op, changed.standardActions().size(), "standardActions[%d].code"));
			return redraw(model, current, changed, null);
		}
		return save(current, form, errors, null, model, response, redirect);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String journey, @PathVariable String code, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Journey current = this.journeys.get(journey);
		Touchpoint touchpoint = touchpointOf(current, code);
		return page(model, current, TouchpointForm.of(touchpoint), touchpoint);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String journey, @PathVariable String code,
			@ModelAttribute(FORM_NAME) TouchpointForm form, BindingResult errors,
			@RequestParam(name = "op", required = false) @Nullable String op, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Journey current = this.journeys.get(journey);
		Touchpoint touchpoint = touchpointOf(current, code);
		if (op != null) {
			TouchpointForm changed = form.apply(op);
			model.addAttribute("focus",
					RowOps.focusField(op, changed.standardActions().size(), "standardActions[%d].code"));
			return redraw(model, current, changed, touchpoint);
		}
		return save(current, form, errors, touchpoint, model, response, redirect);
	}

	@GetMapping("/{code}/delete")
	String confirmDelete(@PathVariable String journey, @PathVariable String code, Model model, Locale locale) {
		this.scope.requireRole(Role.CX_MANAGER);
		Touchpoint touchpoint = touchpointOf(this.journeys.get(journey), code);
		return deletion(journey, touchpoint, locale).ask(model);
	}

	/**
	 * Deletes a touchpoint that has none below it and that no recorded data refers to;
	 * otherwise the page says what to do instead.
	 */
	@PostMapping("/{code}/delete")
	String delete(@PathVariable String journey, @PathVariable String code, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Touchpoint touchpoint = touchpointOf(this.journeys.get(journey), code);
		String problem = null;
		if (!touchpoint.atomic()) {
			problem = "design.delete.touchpointHasChildren";
		}
		else {
			try {
				this.touchpoints.delete(code);
			}
			catch (ConflictException ex) {
				problem = "design.delete.touchpointUsed";
			}
		}
		if (problem != null) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return deletion(journey, touchpoint, locale).refuse(model, this.messages.getMessage(problem, null, locale));
		}
		redirect.addFlashAttribute("deleted", touchpoint.name().in(locale));
		return "redirect:/design/journeys/" + journey;
	}

	private Deletion deletion(String journey, Touchpoint touchpoint, Locale locale) {
		String path = "/design/journeys/" + journey + "/touchpoints/" + touchpoint.code();
		return new Deletion(this.messages.getMessage("design.delete.what.touchpoint", null, locale),
				touchpoint.name().in(locale), "journeys", path + "/delete", path, null);
	}

	private String save(Journey journey, TouchpointForm form, BindingResult errors, @Nullable Touchpoint editing,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			String code = (editing != null) ? editing.code() : form.code();
			TouchpointRequest request = form.request(code, journey.code(), editing != null);
			List<FieldViolation> violations = DesignErrors.constraints(this.validator, request);
			if (violations.isEmpty()) {
				try {
					Touchpoint saved = (editing != null) ? this.touchpoints.put(editing.code(), request).value()
							: this.touchpoints.create(request).value();
					redirect.addFlashAttribute("savedTouchpoint", saved.code());
					return "redirect:/design/journeys/" + journey.code();
				}
				catch (InvalidInputException ex) {
					violations = ex.violations();
				}
				catch (ConflictException ex) {
					errors.rejectValue("code", "design.touchpoints.codeTaken");
				}
			}
			DesignErrors.reject(errors, violations);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, journey, form, editing);
	}

	private String redraw(Model model, Journey journey, TouchpointForm form, @Nullable Touchpoint editing) {
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM_NAME, new BeanPropertyBindingResult(form, FORM_NAME));
		return page(model, journey, form, editing);
	}

	private String page(Model model, Journey journey, TouchpointForm form, @Nullable Touchpoint editing) {
		model.addAttribute(FORM_NAME, form);
		model.addAttribute("journey", journey);
		model.addAttribute("editing", editing);
		model.addAttribute("parents", parents(journey, editing));
		model.addAttribute("owners", UnitAdminController.treeOrder(this.units.list()));
		model.addAttribute("contactTypes", ContactType.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("brandLevels", BrandExperienceLevel.values());
		model.addAttribute("modules", SemModule.values());
		return "design/touchpoint-form";
	}

	/**
	 * Every touchpoint of the journey, stage by stage as a tree, except the one edited
	 * and those below it: a touchpoint cannot move below itself.
	 */
	private static List<ParentChoice> parents(Journey journey, @Nullable Touchpoint editing) {
		List<ParentChoice> choices = new ArrayList<>();
		for (Journey.Stage stage : journey.stages()) {
			Set<String> excluded = new HashSet<>();
			for (JourneyDesignController.TreeRow row : JourneyDesignController.flatten(stage.touchpoints())) {
				Touchpoint touchpoint = row.touchpoint();
				boolean below = touchpoint.parentCode() != null && excluded.contains(touchpoint.parentCode());
				if ((editing != null && touchpoint.code().equals(editing.code())) || below) {
					excluded.add(touchpoint.code());
					continue;
				}
				choices.add(new ParentChoice(touchpoint.code(), stage.code(), touchpoint, stage, row.depth()));
			}
		}
		return choices;
	}

	/** The touchpoint, if it belongs to this journey. */
	private Touchpoint touchpointOf(Journey journey, String code) {
		Touchpoint touchpoint = this.touchpoints.get(code);
		if (!touchpoint.journeyCode().equals(journey.code())) {
			throw new NotFoundException("touchpoint", code);
		}
		return touchpoint;
	}

}
