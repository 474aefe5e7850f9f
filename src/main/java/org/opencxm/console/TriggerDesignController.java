package org.opencxm.console;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.surveys.InvitationChannel;
import org.opencxm.surveys.Trigger;
import org.opencxm.surveys.TriggerRequest;
import org.opencxm.surveys.Triggers;
import org.opencxm.surveys.Surveys;

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
 * Triggers and their contact rules in the design area: list, create, edit. The surveys
 * module ({@link Triggers}) checks and stores them; this page shows its violations beside
 * the fields.
 */
@Controller
@RequestMapping("/design/triggers")
class TriggerDesignController {

	private static final String FORM = "design/trigger-form";

	private final OrgScope scope;

	private final Triggers triggers;

	private final Surveys surveys;

	private final DesignErrors errors;

	TriggerDesignController(OrgScope scope, Triggers triggers, Surveys surveys, DesignErrors errors) {
		this.scope = scope;
		this.triggers = triggers;
		this.surveys = surveys;
		this.errors = errors;
	}

	@GetMapping
	String list(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		model.addAttribute("triggers", this.triggers.list());
		return "design/triggers";
	}

	@GetMapping("/new")
	String newTrigger(@RequestParam(required = false) @Nullable String survey, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		return form(model, TriggerForm.empty(survey), null);
	}

	@PostMapping
	String create(@ModelAttribute("triggerForm") TriggerForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		TriggerRequest request = form.request();
		if (!binding.hasErrors() && !this.errors.validate(request, binding, TriggerForm::field)) {
			try {
				if (this.triggers.find(request.code()).isPresent()) {
					binding.rejectValue("code", "design.triggers.codeTaken");
				}
				else {
					redirect.addFlashAttribute("saved", this.triggers.create(request).value().code());
					return "redirect:/design/triggers";
				}
			}
			catch (InvalidInputException ex) {
				DesignErrors.reject(binding, ex, TriggerForm::field);
			}
			catch (ConflictException ex) {
				binding.rejectValue("code", "design.triggers.codeTaken");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, null);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Trigger trigger = this.triggers.get(code);
		return form(model, TriggerForm.of(trigger), trigger);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute("triggerForm") TriggerForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Trigger trigger = this.triggers.get(code);
		TriggerRequest request = form.request();
		if (!binding.hasErrors() && !this.errors.validate(request, binding, TriggerForm::field)) {
			try {
				this.triggers.put(code, request);
				redirect.addFlashAttribute("saved", code);
				return "redirect:/design/triggers";
			}
			catch (InvalidInputException ex) {
				DesignErrors.reject(binding, ex, TriggerForm::field);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, trigger);
	}

	private String form(Model model, TriggerForm form, @Nullable Trigger editing) {
		model.addAttribute("triggerForm", form);
		model.addAttribute("editing", editing);
		model.addAttribute("surveys", this.surveys.list(PageRequest.of(0, PageRequest.MAX_SIZE)).items());
		model.addAttribute("channels", InvitationChannel.values());
		return FORM;
	}

}
