package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.shared.SemModule;
import org.opencxm.surveys.PublicLink;
import org.opencxm.surveys.PublicLinkRequest;
import org.opencxm.surveys.PublicLinks;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.QuestionType;
import org.opencxm.surveys.ResponseTally;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.Survey;
import org.opencxm.surveys.SurveyStatus;
import org.opencxm.surveys.SurveyTemplates;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The survey list and the survey builder of the design area. Everything is checked and
 * stored by the surveys module ({@link Surveys}, {@link SurveyTemplates},
 * {@link PublicLinks}); the builder only turns its form into their requests and their
 * violations back into messages beside the fields ({@link SurveyPreviewController} draws
 * the preview beside it). The path {@code /design/surveys/new} is the builder of a survey
 * not yet stored.
 */
@Controller
@RequestMapping("/design/surveys")
class SurveyDesignController {

	private static final String NEW = "new";

	private final OrgScope scope;

	private final Surveys surveys;

	private final SurveyTemplates templates;

	private final PublicLinks links;

	private final Responses responses;

	private final DesignErrors errors;

	private final DisplayTime time;

	SurveyDesignController(OrgScope scope, Surveys surveys, SurveyTemplates templates, PublicLinks links,
			Responses responses, DesignErrors errors, DisplayTime time) {
		this.time = time;
		this.scope = scope;
		this.surveys = surveys;
		this.templates = templates;
		this.links = links;
		this.responses = responses;
		this.errors = errors;
	}

	/** A survey in the list, with its responses and the time of the latest. */
	record Row(Survey survey, long responses, @Nullable String latest) {

	}

	/** The "new from template" form of the list page. */
	record TemplateForm(@Nullable String template, @Nullable String code) {

	}

	/** The "create a link" form of the builder. */
	record LinkForm(@Nullable String code, @Nullable String touchpoint, @Nullable String unit) {

	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable Integer page, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		return list(model, page, new TemplateForm(null, null));
	}

	@PostMapping("/from-template")
	String fromTemplate(@ModelAttribute("templateForm") TemplateForm form, BindingResult binding, Model model,
			HttpServletResponse response) {
		this.scope.requireRole(Role.CX_MANAGER);
		String template = form.template();
		String code = form.code();
		if (template == null || this.templates.definition(template).isEmpty()) {
			binding.rejectValue("template", "validation.required");
		}
		if (code == null) {
			binding.rejectValue("code", "validation.required");
		}
		if (!binding.hasErrors() && template != null && code != null) {
			try {
				if (this.surveys.find(code).isPresent()) {
					binding.rejectValue("code", "design.surveys.codeTaken");
				}
				else {
					this.templates.create(template, code, false);
					return "redirect:" + builderPath(code);
				}
			}
			catch (InvalidInputException ex) {
				DesignErrors.reject(binding, ex, (field) -> field);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(model, null, form);
	}

	@GetMapping("/" + NEW)
	String newSurvey(Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		SurveyForm form = new SurveyForm();
		form.getQuestions().add(QuestionForm.blank(QuestionType.NPS, "nps"));
		return builder(model, form, null, -1, false);
	}

	@PostMapping("/" + NEW)
	String postNew(@ModelAttribute("surveyForm") SurveyForm form, BindingResult binding,
			@RequestParam(defaultValue = "refresh") String action,
			@RequestParam(required = false) @Nullable QuestionType addType, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		return post(null, form, binding, action, addType, model, response, redirect);
	}

	@GetMapping("/{code}")
	String edit(@PathVariable String code, Model model) {
		this.scope.requireRole(Role.CX_MANAGER);
		Survey survey = this.surveys.get(code);
		return builder(model, SurveyForm.of(survey), survey, -1, false);
	}

	@PostMapping("/{code}")
	String postEdit(@PathVariable String code, @ModelAttribute("surveyForm") SurveyForm form, BindingResult binding,
			@RequestParam(defaultValue = "refresh") String action,
			@RequestParam(required = false) @Nullable QuestionType addType, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Survey survey = this.surveys.get(code);
		form.setCode(code);
		return post(survey, form, binding, action, addType, model, response, redirect);
	}

	private String post(@Nullable Survey survey, SurveyForm form, BindingResult binding, String action,
			@Nullable QuestionType addType, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		int focus = -1;
		List<QuestionForm> questions = form.getQuestions();
		if (action.equals("add")) {
			questions.add(QuestionForm.blank((addType != null) ? addType : QuestionType.TEXT, form.freeCode()));
			focus = questions.size() - 1;
		}
		else if (action.startsWith("remove-")) {
			int index = index(action);
			if (index >= 0 && index < questions.size()) {
				questions.remove(index);
			}
			focus = Math.min(index, questions.size() - 1);
		}
		else if (action.startsWith("up-") || action.startsWith("down-")) {
			int index = index(action);
			int by = action.startsWith("up-") ? -1 : 1;
			focus = form.move(index, by) ? index + by : index;
		}
		else if (action.equals("save") || action.equals("publish")) {
			String stored = save(survey, form, binding, action.equals("publish"));
			if (stored != null) {
				Survey saved = this.surveys.get(stored);
				redirect.addFlashAttribute("saved", (saved.status() == SurveyStatus.PUBLISHED) ? "published" : "draft");
				redirect.addFlashAttribute("savedVersion", saved.version());
				return "redirect:" + builderPath(stored);
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return builder(model, form, survey, focus, !action.equals("refresh"));
	}

	/**
	 * Stores the form through the surveys module.
	 * @return the survey's code, or null when the form has errors
	 */
	private @Nullable String save(@Nullable Survey survey, SurveyForm form, BindingResult binding, boolean publish) {
		if (!this.errors.check(form, binding)) {
			return null;
		}
		try {
			if (survey == null) {
				if (form.getCode() != null && this.surveys.find(form.getCode()).isPresent()) {
					binding.rejectValue("code", "design.surveys.codeTaken");
					return null;
				}
				return this.surveys.create(form.request(), publish).value().code();
			}
			this.surveys.put(survey.code(), form.request());
			if (publish) {
				this.surveys.publish(survey.code());
			}
			return survey.code();
		}
		catch (InvalidInputException ex) {
			DesignErrors.reject(binding, ex, SurveyForm::field);
		}
		catch (ConflictException ex) {
			binding.rejectValue("code", "design.surveys.codeTaken");
		}
		return null;
	}

	@PostMapping("/{code}/links")
	String createLink(@PathVariable String code, @ModelAttribute("linkForm") LinkForm form, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		this.scope.requireRole(Role.CX_MANAGER);
		Survey survey = this.surveys.get(code);
		PublicLinkRequest request = new PublicLinkRequest(form.code(), code, form.touchpoint(), form.unit(), true);
		if (!this.errors.validate(request, binding, (field) -> field)) {
			try {
				PublicLink link = this.links.create(request).value();
				redirect.addFlashAttribute("link", link);
				return "redirect:" + builderPath(code) + "#link";
			}
			catch (InvalidInputException ex) {
				DesignErrors.reject(binding, ex, (field) -> field);
			}
			catch (ConflictException ex) {
				binding.rejectValue("code", "design.survey.link.codeTaken");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return builder(model, SurveyForm.of(survey), survey, -1, false);
	}

	private String list(Model model, @Nullable Integer page, TemplateForm templateForm) {
		PageResult<Survey> result = this.surveys.list(PageRequest.of(page, 50));
		model.addAttribute("result", result);
		Map<Long, ResponseTally> tallies = this.responses.tallies(result.items().stream().map(Survey::id).toList());
		ZoneId zone = this.time.zone();
		model.addAttribute("rows", result.items().stream().map((survey) -> {
			ResponseTally tally = tallies.getOrDefault(survey.id(), ResponseTally.NONE);
			return new Row(survey, tally.count(), DisplayTime.format(tally.latest(), zone));
		}).toList());
		model.addAttribute("templates", this.templates.list());
		if (!model.containsAttribute("templateForm")) {
			model.addAttribute("templateForm", templateForm);
		}
		model.addAttribute("previousPage", (result.page() > 0) ? result.page() - 1 : null);
		model.addAttribute("nextPage",
				((long) (result.page() + 1) * result.size() < result.total()) ? result.page() + 1 : null);
		return "design/surveys";
	}

	private String builder(Model model, SurveyForm form, @Nullable Survey survey, int focus, boolean unsaved) {
		model.addAttribute("surveyForm", form);
		// Looking up each field's errors costs more than drawing it; most pages have
		// none.
		model.addAttribute("bad",
				model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "surveyForm") instanceof BindingResult result
						&& result.hasErrors());
		model.addAttribute("survey", survey);
		model.addAttribute("focus", focus);
		model.addAttribute("unsaved", unsaved);
		model.addAttribute("types", QuestionType.values());
		model.addAttribute("modules", SemModule.values());
		model.addAttribute("operators", Question.Condition.Operator.values());
		model.addAttribute("earlier", earlierCodes(form));
		if (survey != null) {
			model.addAttribute("responseCount",
					this.responses.tallies(List.of(survey.id())).getOrDefault(survey.id(), ResponseTally.NONE).count());
			if (!model.containsAttribute("linkForm")) {
				model.addAttribute("linkForm", new LinkForm(survey.code() + "-try", null, null));
			}
		}
		return "design/survey";
	}

	/**
	 * For each question, the codes of the questions before it (what a condition may
	 * name).
	 */
	private static List<List<String>> earlierCodes(SurveyForm form) {
		List<List<String>> earlier = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (QuestionForm question : form.getQuestions()) {
			earlier.add(List.copyOf(seen));
			if (question.getCode() != null) {
				seen.add(question.getCode());
			}
		}
		return earlier;
	}

	private static int index(String action) {
		try {
			return Integer.parseInt(action.substring(action.indexOf('-') + 1));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static String builderPath(String code) {
		return UriComponentsBuilder.fromPath("/design/surveys/{code}").buildAndExpand(code).encode().toUriString();
	}

}
