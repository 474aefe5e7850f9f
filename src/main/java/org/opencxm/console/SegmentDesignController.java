package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.opencxm.segments.SegmentRule;
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
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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

	private static final String SAVE = "save";

	private static final String ADD = "add";

	private static final String REMOVE = "remove-";

	private static final Pattern ROW_PATH = Pattern.compile("rule\\.(?:all|any)\\[(\\d{1,4})\\].*");

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
	String create(@ModelAttribute(FORM_NAME) SegmentForm form, BindingResult errors,
			@RequestParam(defaultValue = SAVE) String action, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		return post(form, errors, action, null, model, response, redirect);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Segment segment = this.segments.get(code);
		RuleRows rows = RuleRows.of(segment.rule(), this.json);
		model.addAttribute("rowsUnavailable", rows == null);
		return form(model, SegmentForm.of(segment, pretty(segment.rule()), rows), segment);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute(FORM_NAME) SegmentForm form, BindingResult errors,
			@RequestParam(defaultValue = SAVE) String action, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Segment segment = this.segments.get(code);
		return post(form, errors, action, segment, model, response, redirect);
	}

	/**
	 * Saves the form, or changes its rows ({@code add}, {@code remove-<i>}) or how the
	 * rule is edited ({@code json}, {@code rows}) and shows it again, nothing saved.
	 */
	private String post(SegmentForm form, BindingResult errors, String action, @Nullable Segment editing, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (action.equals(ADD)) {
			return form(model, form.withRow(), editing);
		}
		if (action.startsWith(REMOVE)) {
			return form(model, form.withoutRow(index(action.substring(REMOVE.length()))), editing);
		}
		if (action.equals(SegmentForm.JSON)) {
			JsonNode rule = ruleOf(form);
			return form(model, form.withJson((rule != null) ? pretty(rule) : ""), editing);
		}
		if (action.equals(SegmentForm.ROWS)) {
			RuleRows rows = rowsOf(parse(form.rule()));
			if (rows == null) {
				model.addAttribute("rowsUnavailable", true);
				return form(model, form, editing);
			}
			return form(model, form.withRows(rows.rows()).withCombine(rows.combine()), editing);
		}
		return save(form, errors, editing, model, response, redirect);
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
	String preview(@ModelAttribute(FORM_NAME) SegmentForm form, BindingResult binding, Model model, Locale locale) {
		this.scope.requireRole(Role.CX_MANAGER);
		List<String> problems = new ArrayList<>();
		JsonNode node = ruleOf(form);
		if (node != null && form.rowsMode()) {
			model.addAttribute("json", pretty(node));
		}
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
					problems.add(this.messages.getMessage(problem(form, violation), locale));
				}
			}
		}
		model.addAttribute("problems", problems);
		return "design/segment-preview :: preview";
	}

	private String save(SegmentForm form, BindingResult errors, @Nullable Segment editing, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		JsonNode rule = ruleOf(form);
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
			if (form.rowsMode()) {
				List<FieldViolation> others = new ArrayList<>();
				for (FieldViolation violation : violations) {
					if (violation.field().startsWith("rule")) {
						MessageSourceResolvable problem = problem(form, violation);
						errors.rejectValue("rule", "design.rule.at", problem.getArguments(),
								problem.getDefaultMessage());
					}
					else {
						others.add(violation);
					}
				}
				violations = others;
			}
			DesignErrors.rejectNested(errors, violations, "rule");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form, editing);
	}

	/**
	 * A problem of the rule with its path; in the rows, a problem of a row also says
	 * which ({@code Condition 3 (rule.all[2].equals): …}).
	 */
	private static MessageSourceResolvable problem(SegmentForm form, FieldViolation violation) {
		MessageSourceResolvable at = DesignErrors.at(violation);
		Matcher row = ROW_PATH.matcher(violation.field());
		if (!form.rowsMode() || !row.matches()) {
			return at;
		}
		MessageSourceResolvable where = new DefaultMessageSourceResolvable(new String[] { "design.segments.rows.at" },
				new Object[] { Integer.parseInt(row.group(1)) + 1, violation.field() }, violation.field());
		Object[] arguments = at.getArguments();
		return new DefaultMessageSourceResolvable(new String[] { "design.rule.at" },
				new Object[] { where, (arguments != null) ? arguments[1] : violation.reason() },
				at.getDefaultMessage());
	}

	/** The rule the form holds: built from its rows, or read from its JSON. */
	private @Nullable JsonNode ruleOf(SegmentForm form) {
		return form.rowsMode() ? this.json.valueToTree(form.asRows().rule(this.json)) : parse(form.rule());
	}

	private @Nullable RuleRows rowsOf(@Nullable JsonNode rule) {
		if (rule == null) {
			return null;
		}
		try {
			return RuleRows.of(this.json.treeToValue(rule, SegmentRule.class), this.json);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private String pretty(Object rule) {
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(rule);
	}

	private static int index(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
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
		model.addAttribute("subjects", RuleRow.SUBJECTS);
		model.addAttribute("ops", RuleRow.OPS);
		model.addAttribute("editing", editing);
		return "design/segment-form";
	}

}
