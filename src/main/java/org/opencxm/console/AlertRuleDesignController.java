package org.opencxm.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.opencxm.actions.AlertKind;
import org.opencxm.actions.AlertRule;
import org.opencxm.actions.AlertRuleRequest;
import org.opencxm.actions.AlertRules;
import org.opencxm.actions.DropCondition;
import org.opencxm.actions.Priority;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.SemModule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * Alert rules in the design area: the list with each rule's condition, action and state
 * (switched on and off from the list), and the form for response rules (a condition over
 * the scores, answers and comment of each response) and drop rules (a significant drop of
 * an aggregate). The alert rules service judges every value.
 */
@Controller
@RequestMapping("/design/alert-rules")
class AlertRuleDesignController {

	static final String FORM_NAME = "alertRuleForm";

	/** The metrics a drop rule can watch, by the analytics module's codes. */
	static final List<String> DROP_METRICS = List.of("nps", "csat", "ces", "sem.sense", "sem.feel", "sem.think",
			"sem.act", "sem.relate");

	/** The days over which the list counts the cases each rule opened. */
	static final int RECENT_DAYS = 30;

	private static final Pattern ROW = Pattern.compile("^condition\\.(?:all|any)\\[(\\d+)\\](?:\\.(\\w+))?.*$");

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("drop", "dropMetric"),
			Map.entry("drop.metric", "dropMetric"), Map.entry("drop.slice", "dropSlice"),
			Map.entry("drop.period", "dropPeriod"), Map.entry("drop.minDrop", "dropMinDrop"),
			Map.entry("drop.alpha", "dropAlpha"), Map.entry("drop.minResponses", "dropMinResponses"),
			Map.entry("action", "openCase"), Map.entry("action.openCase", "openCase"),
			Map.entry("action.priority", "priority"), Map.entry("condition", "rows"), Map.entry("kind", "kind"));

	private final OrgScope scope;

	private final AlertRules rules;

	private final DesignChoices choices;

	private final Validator validator;

	private final JsonMapper json;

	private final Clock clock;

	private final MessageSource messages;

	AlertRuleDesignController(OrgScope scope, AlertRules rules, DesignChoices choices, Validator validator,
			JsonMapper json, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.scope = scope;
		this.rules = rules;
		this.choices = choices;
		this.validator = validator;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A rule in the list, with its condition in a line and the number of cases it opened
	 * in the last {@link #RECENT_DAYS} days in the units the user may see.
	 */
	record Listed(AlertRule rule, String summary, long cases) {
	}

	@GetMapping
	String list(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Map<String, Long> cases = this.rules.casesOpenedSince(this.clock.instant().minus(Duration.ofDays(RECENT_DAYS)));
		model.addAttribute("rules",
				this.rules.list()
					.stream()
					.map((rule) -> new Listed(rule, summary(rule), cases.getOrDefault(rule.code(), 0L)))
					.toList());
		model.addAttribute("recentDays", RECENT_DAYS);
		return "design/alert-rules";
	}

	@GetMapping("/new")
	String newRule(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		return page(model, AlertRuleForm.empty(), null);
	}

	@PostMapping
	String create(@ModelAttribute(FORM_NAME) AlertRuleForm form, BindingResult errors,
			@RequestParam(name = "op", required = false) @Nullable String op, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (op != null) {
			AlertRuleForm changed = step(form, op);
			model.addAttribute("focus", RowOps.focusField(op, changed.rows().size(), "rows[%d].field"));
			return redraw(model, changed, null);
		}
		return save(form, errors, null, model, response, redirect);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		AlertRule rule = this.rules.get(code);
		return page(model, AlertRuleForm.of(rule, pretty(rule.condition())), rule);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute(FORM_NAME) AlertRuleForm form, BindingResult errors,
			@RequestParam(name = "op", required = false) @Nullable String op, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		AlertRule rule = this.rules.get(code);
		if (op != null) {
			AlertRuleForm changed = step(form, op);
			model.addAttribute("focus", RowOps.focusField(op, changed.rows().size(), "rows[%d].field"));
			return redraw(model, changed, rule);
		}
		return save(form, errors, rule, model, response, redirect);
	}

	/** Switches a rule on or off, leaving the rest of it as it is. */
	@PostMapping("/{code}/active")
	String activate(@PathVariable String code, @RequestParam("active") boolean active, RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		AlertRule rule = this.rules.get(code);
		this.rules.put(code, new AlertRuleRequest(code, rule.kind(), rule.name(), rule.condition(), rule.drop(),
				rule.limits(), rule.action(), active));
		redirect.addFlashAttribute("switched", code);
		return "redirect:/design/alert-rules";
	}

	@GetMapping("/{code}/delete")
	String confirmDelete(@PathVariable String code, Model model, Locale locale) {
		this.scope.requireRole(Role.CX_MANAGER);
		return deletion(this.rules.get(code), locale).ask(model);
	}

	/** Deletes a rule; the cases it opened stay as they are. */
	@PostMapping("/{code}/delete")
	String delete(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
		this.scope.requireRole(Role.CX_MANAGER);
		AlertRule rule = this.rules.get(code);
		this.rules.delete(code);
		redirect.addFlashAttribute("deleted", rule.name().in(locale));
		return "redirect:/design/alert-rules";
	}

	private Deletion deletion(AlertRule rule, Locale locale) {
		return new Deletion(this.messages.getMessage("design.delete.what.alertRule", null, locale),
				rule.name().in(locale), "alert-rules", "/design/alert-rules/" + rule.code() + "/delete",
				"/design/alert-rules/" + rule.code(),
				this.messages.getMessage("design.delete.alertRuleNote", null, locale));
	}

	private AlertRuleForm step(AlertRuleForm form, String op) {
		if (op.equals("json")) {
			JsonNode condition = ConditionRows.build(this.json, DesignText.orEmpty(form.combinator()), form.rows())
				.condition();
			return form.asJson(pretty(condition));
		}
		return form.apply(op);
	}

	private String save(AlertRuleForm form, BindingResult errors, @Nullable AlertRule editing, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		JsonNode condition = null;
		List<Integer> rowIndexes = List.of();
		if (!form.isDrop() && form.isAdvanced()) {
			condition = parse(form.conditionJson());
			if (condition == null) {
				errors.rejectValue("conditionJson", "design.segments.badJson");
			}
		}
		else if (!form.isDrop()) {
			ConditionRows.Built built = ConditionRows.build(this.json, DesignText.orEmpty(form.combinator()),
					form.rows());
			condition = built.condition();
			rowIndexes = built.indexes();
		}
		if (!errors.hasErrors()) {
			String code = (editing != null) ? editing.code() : form.code();
			AlertRuleRequest request = form.request(code, condition);
			List<FieldViolation> violations = DesignErrors.constraints(this.validator, request);
			if (violations.isEmpty()) {
				try {
					AlertRule saved = (editing != null) ? this.rules.put(editing.code(), request).value()
							: this.rules.create(request).value();
					redirect.addFlashAttribute("saved", saved.code());
					return "redirect:/design/alert-rules";
				}
				catch (InvalidInputException ex) {
					violations = ex.violations();
				}
				catch (ConflictException ex) {
					errors.rejectValue("code", "design.alertRules.codeTaken");
				}
			}
			reject(errors, violations, form.isAdvanced(), rowIndexes);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, form, editing);
	}

	/**
	 * Puts the service's violations beside their fields: a comparison's on its row, a
	 * JSON condition's on the JSON with their path.
	 */
	private static void reject(BindingResult errors, List<FieldViolation> violations, boolean advanced,
			List<Integer> rowIndexes) {
		List<FieldViolation> nested = new ArrayList<>();
		List<FieldViolation> others = new ArrayList<>();
		for (FieldViolation violation : violations) {
			String path = violation.field();
			if (advanced && (path.equals("condition") || path.startsWith("condition."))) {
				nested.add(violation);
			}
			else {
				others.add(FieldViolation.of(formField(path, rowIndexes), violation.reason()));
			}
		}
		DesignErrors.rejectNested(errors, nested, "condition", "conditionJson");
		DesignErrors.reject(errors, others);
	}

	static String formField(String path, List<Integer> rowIndexes) {
		Matcher row = ROW.matcher(path);
		if (row.matches()) {
			int sent = Integer.parseInt(row.group(1));
			int index = (sent < rowIndexes.size()) ? rowIndexes.get(sent) : sent;
			String part = (row.group(2) != null) ? row.group(2) : "field";
			String field = switch (part) {
				case "op", "value" -> part;
				case "module", "question" -> "key";
				default -> "field";
			};
			return "rows[" + index + "]." + field;
		}
		if (path.startsWith("condition.")) {
			return "rows";
		}
		if (path.startsWith("limits.")) {
			return path.substring("limits.".length()).replaceAll("\\[\\d+\\]$", "");
		}
		if (path.startsWith("action.notifyUsers")) {
			return "notifyUsers";
		}
		return FIELDS.getOrDefault(path, path);
	}

	private String redraw(Model model, AlertRuleForm form, @Nullable AlertRule editing) {
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM_NAME, new BeanPropertyBindingResult(form, FORM_NAME));
		return page(model, form, editing);
	}

	private String page(Model model, AlertRuleForm form, @Nullable AlertRule editing) {
		model.addAttribute(FORM_NAME, form);
		model.addAttribute("editing", editing);
		model.addAttribute("kinds", AlertKind.values());
		model.addAttribute("fields", ConditionRows.FIELDS);
		model.addAttribute("ops", ConditionRows.OPS);
		model.addAttribute("modules", SemModule.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("dropMetrics", DROP_METRICS);
		model.addAttribute("slices", DropCondition.Slice.values());
		model.addAttribute("periods", DropCondition.Period.values());
		DesignChoices.Limits limits = this.choices.limits(form.touchpoints(), form.stages(), form.units(),
				form.segments());
		model.addAttribute("limits", limits);
		return "design/alert-rule-form";
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

	private String pretty(@Nullable JsonNode condition) {
		return (condition != null) ? this.json.writerWithDefaultPrettyPrinter().writeValueAsString(condition) : "";
	}

	/** The condition in a line, as the codes of its fields and comparisons. */
	static String summary(AlertRule rule) {
		DropCondition drop = rule.drop();
		if (rule.kind() == AlertKind.DROP && drop != null) {
			return drop.metric() + " −" + drop.minDrop() + " · " + drop.period() + " · " + drop.slice();
		}
		List<ConditionRows.Row> rows = ConditionRows.rowsOf(rule.condition());
		if (rows == null) {
			return String.valueOf(rule.condition());
		}
		String joint = ConditionRows.combinatorOf(rule.condition()).equals("any") ? " OR " : " AND ";
		Map<Integer, String> parts = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			ConditionRows.Row row = rows.get(i);
			String key = (row.key() != null) ? "." + row.key() : "";
			parts.put(i, row.field() + key + " " + row.op() + " " + row.value());
		}
		return String.join(joint, parts.values());
	}

}
