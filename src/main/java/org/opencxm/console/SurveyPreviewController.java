package org.opencxm.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.LanguageTag;
import org.opencxm.surveys.Survey;
import org.opencxm.surveys.SurveyPreview;
import org.opencxm.surveys.Surveys;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The phone-sized preview beside the survey builder: the respondent page of the survey
 * being edited (posted from the builder, saved or not) or of its stored latest version,
 * drawn by {@link SurveyPreview}. Answers given in it are checked and never stored.
 */
@Controller
@RequestMapping("/design/surveys")
class SurveyPreviewController {

	private static final Pattern QUESTION = Pattern.compile("questions\\[(\\d+)]");

	private final OrgScope scope;

	private final Surveys surveys;

	private final SurveyPreview preview;

	private final DesignErrors errors;

	private final MessageSource messages;

	SurveyPreviewController(OrgScope scope, Surveys surveys, SurveyPreview preview, DesignErrors errors,
			MessageSource messages) {
		this.scope = scope;
		this.surveys = surveys;
		this.preview = preview;
		this.errors = errors;
		this.messages = messages;
	}

	/**
	 * The builder's form as the respondent would see it, posted into the preview frame.
	 */
	@PostMapping("/new/preview")
	String previewForm(@ModelAttribute("surveyForm") SurveyForm form, BindingResult binding,
			@RequestParam(defaultValue = "zh-CN") String lang, Locale locale, Model model,
			HttpServletResponse response) {
		this.scope.requireRole(Role.CX_MANAGER);
		framedBySelf(response);
		LanguageTag language = language(lang);
		if (!this.errors.check(form, binding)) {
			model.addAttribute("problems", problems(binding, locale));
			model.addAttribute("lang", language.tag());
			return "design/preview-problems";
		}
		String code = form.getCode();
		boolean stored = code != null && this.surveys.find(code).isPresent();
		String action = stored ? previewPath(code, null) : "/design/surveys/new/preview/answers";
		SurveyPreview.Page page = this.preview.render(form.definition(), language, null, action,
				stored ? previewPath(code, other(language)) : "#");
		model.addAllAttributes(page.model());
		return page.view();
	}

	/**
	 * Answers sent in the preview of a survey that is not stored yet: nothing to check
	 * against.
	 */
	@PostMapping("/new/preview/answers")
	String previewUnsaved(@RequestParam(defaultValue = "zh-CN") String lang, Locale locale, Model model,
			HttpServletResponse response) {
		this.scope.requireRole(Role.CX_MANAGER);
		framedBySelf(response);
		model.addAttribute("problems",
				List.of(this.messages.getMessage("design.survey.preview.saveFirst", null, locale)));
		model.addAttribute("lang", language(lang).tag());
		return "design/preview-problems";
	}

	/**
	 * What the preview frame of a survey not stored yet shows before the first preview.
	 */
	@GetMapping("/new/preview/blank")
	String previewBlank(Model model, Locale locale, HttpServletResponse response) {
		this.scope.requireRole(Role.CX_MANAGER);
		framedBySelf(response);
		model.addAttribute("problems", List.of());
		model.addAttribute("lang", LanguageTag.of(locale).tag());
		return "design/preview-problems";
	}

	/** The stored survey's latest version as the respondent page shows it. */
	@GetMapping("/{code}/preview")
	String preview(@PathVariable String code, @RequestParam(defaultValue = "zh-CN") String lang, Model model,
			HttpServletResponse response) {
		this.scope.requireRole(Role.CX_MANAGER);
		framedBySelf(response);
		LanguageTag language = language(lang);
		Survey survey = this.surveys.get(code);
		SurveyPreview.Page page = this.preview.render(survey.definition(), language, null, previewPath(code, null),
				previewPath(code, other(language)));
		model.addAllAttributes(page.model());
		return page.view();
	}

	/**
	 * Answers given in the preview: checked as the respondent page checks them, never
	 * stored.
	 */
	@PostMapping("/{code}/preview")
	String previewAnswers(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		this.scope.requireRole(Role.CX_MANAGER);
		framedBySelf(response);
		LanguageTag language = language(form.getFirst("lang"));
		Survey survey = this.surveys.get(code);
		SurveyPreview.Page page = this.preview.render(survey.definition(), language, form, previewPath(code, null),
				previewPath(code, other(language)));
		model.addAllAttributes(page.model());
		if (page.view().equals("survey/page")) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return page.view();
	}

	/** The form's errors as lines naming the question they belong to. */
	private List<String> problems(BindingResult binding, Locale locale) {
		List<String> problems = new ArrayList<>();
		for (ObjectError error : binding.getAllErrors()) {
			String message = this.messages.getMessage(error, locale);
			Matcher question = (error instanceof FieldError field) ? QUESTION.matcher(field.getField()) : null;
			problems.add((question != null && question.lookingAt())
					? this.messages.getMessage("design.survey.question",
							new Object[] { Integer.parseInt(question.group(1)) + 1 }, locale) + ": " + message
					: message);
		}
		return problems;
	}

	private static LanguageTag language(@Nullable String lang) {
		try {
			return (lang != null) ? LanguageTag.of(lang) : LanguageTag.ZH_CN;
		}
		catch (IllegalArgumentException ex) {
			return LanguageTag.ZH_CN;
		}
	}

	private static LanguageTag other(LanguageTag language) {
		return (language == LanguageTag.EN) ? LanguageTag.ZH_CN : LanguageTag.EN;
	}

	/**
	 * The preview is shown in a frame of the builder: this page, unlike the others, may
	 * be framed by the console itself.
	 */
	private static void framedBySelf(HttpServletResponse response) {
		response.setHeader("X-Frame-Options", "SAMEORIGIN");
		response.setHeader("Content-Security-Policy", "frame-ancestors 'self'");
	}

	static String previewPath(String code, @Nullable LanguageTag language) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/design/surveys/{code}/preview");
		if (language != null) {
			builder.queryParam("lang", language.tag());
		}
		return builder.buildAndExpand(code).encode().toUriString();
	}

}
