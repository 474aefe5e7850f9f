package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.segments.Segment;
import org.opencxm.segments.SegmentInUseException;
import org.opencxm.segments.SegmentRequest;
import org.opencxm.segments.Segments;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
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
 * Segments (target accounts) in the design area: the list, and a form whose rule is
 * counted live while it is typed: the page asks {@code /design/segments/preview} (htmx,
 * after a pause in typing) for the number of customers the rule holds among those the
 * user may see, with a few of them.
 */
@Controller
@RequestMapping("/design/segments")
class SegmentDesignController {

	static final String FORM_NAME = "segmentForm";

	/** How many members the preview shows. */
	static final int SAMPLE = 5;

	private final OrgScope scope;

	private final Segments segments;

	private final Validator validator;

	private final JsonMapper json;

	private final MessageSource messages;

	SegmentDesignController(OrgScope scope, Segments segments, Validator validator, JsonMapper json,
			MessageSource messages) {
		this.scope = scope;
		this.segments = segments;
		this.validator = validator;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		model.addAttribute("segments", this.segments.list(new PageRequest(0, PageRequest.MAX_SIZE)).items());
		return "design/segments";
	}

	@GetMapping("/new")
	String newSegment(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		return form(model, SegmentForm.empty(), null);
	}

	@PostMapping
	String create(@ModelAttribute(FORM_NAME) SegmentForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		return save(form, errors, null, model, response, redirect);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Segment segment = this.segments.get(code);
		return form(model,
				SegmentForm.of(segment, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(segment.rule())),
				segment);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute(FORM_NAME) SegmentForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Segment segment = this.segments.get(code);
		return save(form, errors, segment, model, response, redirect);
	}

	@GetMapping("/{code}/delete")
	String confirmDelete(@PathVariable String code, Model model, Locale locale) {
		this.scope.requireRole(Role.CX_MANAGER);
		return deletion(this.segments.get(code), locale).ask(model);
	}

	/**
	 * Deletes a segment, unless something uses it (alert rules limited to it would
	 * silently stop being limited): the page names what does instead.
	 */
	@PostMapping("/{code}/delete")
	String delete(@PathVariable String code, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Segment segment = this.segments.get(code);
		try {
			this.segments.delete(code);
		}
		catch (SegmentInUseException ex) {
			String using = ex.uses().stream().map((use) -> use.name().in(locale)).collect(Collectors.joining(", "));
			response.setStatus(HttpStatus.CONFLICT.value());
			return deletion(segment, locale).refuse(model,
					this.messages.getMessage("design.delete.segmentInUse", new Object[] { using }, locale));
		}
		redirect.addFlashAttribute("deleted", segment.name().in(locale));
		return "redirect:/design/segments";
	}

	private Deletion deletion(Segment segment, Locale locale) {
		return new Deletion(this.messages.getMessage("design.delete.what.segment", null, locale),
				segment.name().in(locale), "segments", "/design/segments/" + segment.code() + "/delete",
				"/design/segments/" + segment.code(), null);
	}

	/**
	 * The live count of a rule being edited, with a sample of its members, or what is
	 * wrong with it: a fragment for the form's preview area.
	 */
	@PostMapping("/preview")
	String preview(@RequestParam(name = "rule", required = false) @Nullable String rule, Model model, Locale locale) {
		this.scope.requireRole(Role.CX_MANAGER);
		List<String> problems = new ArrayList<>();
		JsonNode node = parse(rule);
		if (node == null) {
			problems.add(this.messages.getMessage("design.segments.badJson", null, locale));
		}
		else {
			try {
				PageResult<Customer> members = this.segments.previewMembers(node, new PageRequest(0, SAMPLE));
				model.addAttribute("count", members.total());
				model.addAttribute("sample", members.items());
			}
			catch (InvalidInputException ex) {
				for (FieldViolation violation : ex.violations()) {
					problems.add(this.messages.getMessage(DesignErrors.at(violation), locale));
				}
			}
		}
		model.addAttribute("problems", problems);
		return "design/segment-preview :: preview";
	}

	private String save(SegmentForm form, BindingResult errors, @Nullable Segment editing, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		JsonNode rule = parse(form.rule());
		if (rule == null) {
			errors.rejectValue("rule", "design.segments.badJson");
		}
		if (!errors.hasErrors()) {
			String code = (editing != null) ? editing.code() : form.code();
			SegmentRequest request = new SegmentRequest(code, DesignText.of(form.nameZh(), form.nameEn()),
					DesignText.optional(form.descriptionZh(), form.descriptionEn()), rule);
			List<FieldViolation> violations = DesignErrors.constraints(this.validator, request);
			if (violations.isEmpty()) {
				try {
					Segment saved = (editing != null) ? this.segments.put(editing.code(), request).value()
							: this.segments.create(request).value();
					redirect.addFlashAttribute("saved", saved.code());
					return "redirect:/design/segments";
				}
				catch (InvalidInputException ex) {
					violations = ex.violations();
				}
				catch (ConflictException ex) {
					errors.rejectValue("code", "design.segments.codeTaken");
				}
			}
			DesignErrors.rejectNested(errors, violations, "rule");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, editing);
	}

	private @Nullable JsonNode parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.json.readTree(text);
			return (node == null || node.isMissingNode()) ? null : node;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private String form(Model model, SegmentForm form, @Nullable Segment editing) {
		model.addAttribute(FORM_NAME, form);
		model.addAttribute("editing", editing);
		return "design/segment-form";
	}

}
