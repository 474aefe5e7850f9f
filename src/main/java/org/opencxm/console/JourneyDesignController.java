package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.JourneyRequest;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.Touchpoint;
import org.opencxm.journeys.TouchpointNode;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;

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
 * The journey editor of the design area: the journeys, and for each its names, its stages
 * (added, renamed, reordered, removed) and the tree of touchpoints under each stage. The
 * touchpoints themselves are edited by {@link TouchpointDesignController}.
 */
@Controller
@RequestMapping("/design/journeys")
class JourneyDesignController {

	static final String FORM_NAME = "journeyForm";

	private final OrgScope scope;

	private final Journeys journeys;

	private final Validator validator;

	JourneyDesignController(OrgScope scope, Journeys journeys, Validator validator) {
		this.scope = scope;
		this.journeys = journeys;
		this.validator = validator;
	}

	/** A touchpoint in a stage's tree, with its depth (0 at the top). */
	record TreeRow(Touchpoint touchpoint, int depth) {
	}

	/** A stage and its touchpoints, parents before children. */
	record StageTree(Journey.Stage stage, List<TreeRow> rows) {
	}

	/** A journey in the list, with the number of its touchpoints at every depth. */
	record Summary(Journey journey, int touchpoints) {
	}

	@GetMapping
	String list(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		model.addAttribute("journeys",
				this.journeys.list()
					.stream()
					.map((journey) -> new Summary(journey,
							journey.stages().stream().mapToInt((stage) -> flatten(stage.touchpoints()).size()).sum()))
					.toList());
		return "design/journeys";
	}

	@GetMapping("/new")
	String newJourney(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		return page(model, JourneyForm.empty(), null);
	}

	@PostMapping
	String create(@ModelAttribute(FORM_NAME) JourneyForm form, BindingResult errors,
			@RequestParam(name = "op", required = false) @Nullable String op, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (op != null) {
			JourneyForm changed = form.apply(op);
			model.addAttribute("focus", RowOps.focusField(op, changed.stages().size(), "stages[%d].code"));
			return redraw(model, changed, null);
		}
		return save(form, errors, null, model, response, redirect);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Journey journey = this.journeys.get(code);
		return page(model, JourneyForm.of(journey), journey);
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @ModelAttribute(FORM_NAME) JourneyForm form, BindingResult errors,
			@RequestParam(name = "op", required = false) @Nullable String op, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Journey journey = this.journeys.get(code);
		if (op != null) {
			JourneyForm changed = form.apply(op);
			model.addAttribute("focus", RowOps.focusField(op, changed.stages().size(), "stages[%d].code"));
			return redraw(model, changed, journey);
		}
		return save(form, errors, journey, model, response, redirect);
	}

	private String save(JourneyForm form, BindingResult errors, @Nullable Journey editing, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			String code = (editing != null) ? editing.code() : form.code();
			JourneyRequest request = form.request(code, (editing != null) ? editing.lifecycleClasses() : List.of());
			List<FieldViolation> violations = DesignErrors.constraints(this.validator, request);
			if (violations.isEmpty()) {
				try {
					String saved = (editing != null) ? this.journeys.put(editing.code(), request).value().code()
							: this.journeys.create(request).value().code();
					redirect.addFlashAttribute("saved", true);
					return "redirect:/design/journeys/" + saved;
				}
				catch (InvalidInputException ex) {
					violations = ex.violations();
				}
				catch (ConflictException ex) {
					if (editing == null) {
						errors.rejectValue("code", "design.journeys.codeTaken");
					}
					else {
						errors.rejectValue("stages", "design.journeys.stageInUse");
					}
				}
			}
			DesignErrors.reject(errors, violations);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(model, form, editing);
	}

	/** The form after an editing step, drawn afresh: nothing was checked or saved. */
	private String redraw(Model model, JourneyForm form, @Nullable Journey editing) {
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM_NAME, new BeanPropertyBindingResult(form, FORM_NAME));
		return page(model, form, editing);
	}

	private String page(Model model, JourneyForm form, @Nullable Journey editing) {
		model.addAttribute(FORM_NAME, form);
		model.addAttribute("editing", editing);
		model.addAttribute("lifecycleClasses", (editing != null) ? editing.lifecycleClasses() : List.of());
		model.addAttribute("trees", (editing != null) ? trees(editing) : List.of());
		return "design/journey";
	}

	static List<StageTree> trees(Journey journey) {
		return journey.stages().stream().map((stage) -> new StageTree(stage, flatten(stage.touchpoints()))).toList();
	}

	/** Every touchpoint of the nodes, each followed by its children. */
	static List<TreeRow> flatten(List<TouchpointNode> nodes) {
		List<TreeRow> rows = new ArrayList<>();
		flatten(nodes, 0, rows);
		return rows;
	}

	private static void flatten(List<TouchpointNode> nodes, int depth, List<TreeRow> rows) {
		for (TouchpointNode node : nodes) {
			rows.add(new TreeRow(node.touchpoint(), depth));
			flatten(node.children(), depth + 1, rows);
		}
	}

}
