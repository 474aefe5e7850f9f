package org.opencxm.surveys;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LanguageTag;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages a customer answers on: {@code /s/{token}} for a personal invitation and
 * {@code /p/{code}} for the public link of a touchpoint or store. Server-rendered, usable
 * without JavaScript: "save" keeps a partial response (a second save updates it),
 * "submit" completes it, and problems are shown next to their questions.
 */
@Controller
class RespondentController {

	private final RespondentTargets targets;

	private final RespondentPage page;

	private final ResponseStore responses;

	private final ResponseWriter writer;

	private final Clock clock;

	RespondentController(RespondentTargets targets, RespondentPage page, ResponseStore responses, ResponseWriter writer,
			Clock clock) {
		this.targets = targets;
		this.page = page;
		this.responses = responses;
		this.writer = writer;
		this.clock = clock;
	}

	@GetMapping("/s/{token}")
	String invitation(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String saved, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return show(this.targets.invitation(token), lang, saved != null, "", request, response, model);
	}

	@PostMapping("/s/{token}")
	String answerInvitation(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return post(this.targets.invitation(token), form, "", request, response, model);
	}

	@GetMapping("/s/{token}/thanks")
	String invitationThanks(@PathVariable String token, @RequestParam(required = false) @Nullable String lang,
			HttpServletRequest request, Model model) {
		return thanks(this.targets.invitation(token), lang, request, model);
	}

	@GetMapping("/p/{code}")
	String publicLink(@PathVariable String code, @RequestParam(required = false) @Nullable String lang,
			@RequestParam(required = false) @Nullable String rk, @RequestParam(required = false) @Nullable String saved,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String key = (rk != null && Tokens.wellFormed(rk)) ? rk : Tokens.newToken();
		return show(this.targets.publicLink(code, key), lang, saved != null, key, request, response, model);
	}

	@PostMapping("/p/{code}")
	String answerPublicLink(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String rk = form.getFirst("rk");
		String key = (rk != null && Tokens.wellFormed(rk)) ? rk : Tokens.newToken();
		return post(this.targets.publicLink(code, key), form, key, request, response, model);
	}

	@GetMapping("/p/{code}/thanks")
	String publicThanks(@PathVariable String code, @RequestParam(required = false) @Nullable String lang,
			HttpServletRequest request, Model model) {
		return thanks(this.targets.publicLink(code, Tokens.newToken()), lang, request, model);
	}

	private String show(RespondentTarget target, @Nullable String lang, boolean saved, String rk,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		LanguageTag language = language(lang, target.preferred(), request);
		if (target.state() != RespondentTarget.State.OPEN || target.version() == null) {
			return unavailable(target.state(), language, response, model);
		}
		SurveyVersion version = target.version();
		List<Answer> given = this.responses.byKey(target.key())
			.flatMap((r) -> this.responses.get(r.id()))
			.map(SurveyResponse::answers)
			.orElse(List.of());
		Map<String, JsonNode> raw = new HashMap<>();
		given.forEach((a) -> raw.put(a.questionCode(), answerNode(a)));
		AnswerChecks.Checked checked = AnswerChecks.check(version.definition(), raw, false);
		render(target, language, checked.visible(), RespondentForm.values(given), Map.of(), saved, rk, model);
		return "survey/page";
	}

	private String post(RespondentTarget target, MultiValueMap<String, String> form, String rk,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		LanguageTag language = language(form.getFirst("lang"), target.preferred(), request);
		if (target.state() != RespondentTarget.State.OPEN || target.version() == null) {
			return unavailable(target.state(), language, response, model);
		}
		SurveyVersion version = target.version();
		boolean submit = !"save".equals(form.getFirst("action"));
		AnswerChecks.Checked checked = AnswerChecks.check(version.definition(),
				RespondentForm.answers(version.definition(), form), submit);
		if (submit && checked.ok()) {
			this.writer.write(draft(target, language, ResponseStatus.COMPLETE, checked.answers()));
			return "redirect:" + link(target.path() + "/thanks", language, null, false);
		}
		if (!submit) {
			this.writer.write(draft(target, language, ResponseStatus.PARTIAL, checked.answers()));
			if (checked.ok()) {
				return "redirect:" + link(target.path(), language, rk.isEmpty() ? null : rk, true);
			}
		}
		response.setStatus(422);
		render(target, language, checked.visible(), RespondentForm.values(form), checked.problems(), false, rk, model);
		return "survey/page";
	}

	private String thanks(RespondentTarget target, @Nullable String lang, HttpServletRequest request, Model model) {
		LanguageTag language = language(lang, target.preferred(), request);
		model.addAttribute("t", this.page.texts(language));
		model.addAttribute("lang", language.tag());
		model.addAttribute("thanks", (target.version() != null)
				? this.page.pipe(target.version().definition().thanks(), target, language) : "");
		return "survey/thanks";
	}

	String unavailable(RespondentTarget.State state, LanguageTag language, HttpServletResponse response, Model model) {
		response.setStatus(switch (state) {
			case UNKNOWN -> 404;
			case EXPIRED -> 410;
			default -> 200;
		});
		return unavailablePage(state.name(), language, model);
	}

	String unavailablePage(String reason, LanguageTag language, Model model) {
		model.addAttribute("t", this.page.texts(language));
		model.addAttribute("lang", language.tag());
		model.addAttribute("reason", "survey.unavailable." + reason);
		return "survey/unavailable";
	}

	private void render(RespondentTarget target, LanguageTag language, List<Question> visible,
			Map<String, Set<String>> values, Map<String, String> problems, boolean saved, String rk, Model model) {
		SurveyVersion version = java.util.Objects.requireNonNull(target.version());
		LanguageTag other = (language == LanguageTag.EN) ? LanguageTag.ZH_CN : LanguageTag.EN;
		model.addAttribute("t", this.page.texts(language));
		model.addAttribute("lang", language.tag());
		model.addAttribute("title", this.page.pipe(version.definition().title(), target, language));
		model.addAttribute("intro", this.page.pipe(version.definition().intro(), target, language));
		model.addAttribute("questions", this.page.questions(target, visible, values, problems, language));
		model.addAttribute("hasErrors", !problems.isEmpty());
		model.addAttribute("saved", saved);
		model.addAttribute("action", target.path());
		model.addAttribute("rk", rk);
		model.addAttribute("switchUrl", link(target.path(), other, rk.isEmpty() ? null : rk, false));
	}

	private ResponseWriter.Draft draft(RespondentTarget target, LanguageTag language, ResponseStatus status,
			List<Answer> answers) {
		return new ResponseWriter.Draft(target.key(), java.util.Objects.requireNonNull(target.version()), status,
				target.source(), target.links(), language,
				(status == ResponseStatus.COMPLETE) ? this.clock.instant().truncatedTo(ChronoUnit.MICROS) : null,
				answers);
	}

	private static String link(String path, LanguageTag language, @Nullable String rk, boolean saved) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path).queryParam("lang", language.tag());
		if (rk != null) {
			builder.queryParam("rk", rk);
		}
		if (saved) {
			builder.queryParam("saved", "1");
		}
		return builder.build().encode().toUriString();
	}

	static LanguageTag language(@Nullable String lang, @Nullable LanguageTag preferred, HttpServletRequest request) {
		if (lang != null) {
			try {
				return LanguageTag.of(lang);
			}
			catch (IllegalArgumentException ex) {
				// an unknown ?lang= falls back to what else is known
			}
		}
		if (preferred != null) {
			return preferred;
		}
		return LanguageTag.of((request.getHeader("Accept-Language") != null) ? request.getLocale() : null);
	}

	private static JsonNode answerNode(Answer answer) {
		var nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
		return switch (answer) {
			case Answer.Score score -> nodes.numberNode(score.value());
			case Answer.Gap gap -> {
				var node = nodes.objectNode();
				node.put("expectation", gap.expectation());
				node.put("perception", gap.perception());
				yield node;
			}
			case Answer.Choice choice -> {
				if (choice.type() == QuestionType.SINGLE_CHOICE) {
					yield nodes.stringNode(choice.options().get(0));
				}
				var array = nodes.arrayNode();
				choice.options().forEach(array::add);
				yield array;
			}
			case Answer.Text text -> nodes.stringNode(text.text());
		};
	}

}
