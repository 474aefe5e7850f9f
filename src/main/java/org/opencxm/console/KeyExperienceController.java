package org.opencxm.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.analytics.ConfidenceInterval;
import org.opencxm.analytics.DriverImportance;
import org.opencxm.analytics.KeyDriverAnalysis;
import org.opencxm.analytics.KeyDrivers;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.Survey;
import org.opencxm.surveys.Surveys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Key experiences (KX): the drivers of a survey placed by importance (their LMG share of
 * the explained variance of likelihood to recommend) and performance (their mean score),
 * with the jackknife intervals of the importance, and the drivers to fix first. The
 * analysis spans the whole company, so a scoped user is told so instead of shown it.
 */
@Controller
class KeyExperienceController {

	private static final Period DEFAULT_PERIOD = Period.DAYS_365;

	private final OrgScope scope;

	private final Surveys surveys;

	private final KeyDrivers drivers;

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final JsonMapper json;

	KeyExperienceController(OrgScope scope, Surveys surveys, KeyDrivers drivers, Dashboard dashboard,
			MessageSource messages, JsonMapper json) {
		this.scope = scope;
		this.surveys = surveys;
		this.drivers = drivers;
		this.dashboard = dashboard;
		this.messages = messages;
		this.json = json;
	}

	/**
	 * One driver as the page shows it: its question's text, importance as a percentage of
	 * R² with its interval, and where it sits.
	 */
	record Driver(String code, String label, DriverImportance importance, @Nullable ConfidenceInterval interval) {

	}

	@GetMapping("/key-experiences")
	String keyExperiences(@RequestParam(name = "survey", required = false) @Nullable String surveyCode,
			@RequestParam(name = "period", required = false) @Nullable String periodCode, Model model) {
		this.scope.requireRole(Role.VIEWER);
		Period period = (periodCode != null) ? Period.of(periodCode) : DEFAULT_PERIOD;
		List<Survey> surveys = this.surveys.list(new PageRequest(0, PageRequest.MAX_SIZE)).items();
		Survey survey = (surveyCode != null && !surveyCode.isBlank()) ? this.surveys.get(surveyCode)
				: surveys.stream().findFirst().orElse(null);
		LocalDate to = this.dashboard.today();
		LocalDate from = period.from(to);
		model.addAttribute("period", period);
		model.addAttribute("periods", Period.values());
		model.addAttribute("surveys", surveys);
		model.addAttribute("survey", survey);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("companyOnly", this.scope.caller().scoped());
		if (survey == null || this.scope.caller().scoped()) {
			return "key-experiences";
		}
		try {
			KeyDriverAnalysis analysis = this.drivers.analyse(survey.code(), from, to);
			List<Driver> drivers = drivers(survey, analysis);
			Map<String, Driver> byCode = new LinkedHashMap<>();
			drivers.forEach((driver) -> byCode.put(driver.code(), driver));
			model.addAttribute("analysis", analysis);
			model.addAttribute("drivers", drivers);
			model.addAttribute("fixFirst", analysis.fixFirst().stream().map(byCode::get).toList());
			model.addAttribute("quadrantChart", chart(drivers));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("unavailable", true);
		}
		return "key-experiences";
	}

	private static List<Driver> drivers(Survey survey, KeyDriverAnalysis analysis) {
		Locale locale = LocaleContextHolder.getLocale();
		double rSquared = analysis.rSquared().value();
		List<Driver> drivers = new ArrayList<>();
		for (DriverImportance importance : analysis.drivers()) {
			String label = survey.questions()
				.stream()
				.filter((question) -> question.code().equals(importance.driver()))
				.findFirst()
				.map(Question::text)
				.map((text) -> text.in(locale))
				.orElse(importance.driver());
			ConfidenceInterval interval = Optional.ofNullable(importance.lmg().interval())
				.filter((lmg) -> rSquared > 0)
				.map((lmg) -> new ConfidenceInterval(100 * lmg.lower() / rSquared, 100 * lmg.upper() / rSquared))
				.orElse(null);
			drivers.add(new Driver(importance.driver(), label, importance, interval));
		}
		return drivers;
	}

	private String chart(List<Driver> drivers) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "quadrant");
		chart.put("name", this.messages.getMessage("kx.drivers", null, locale));
		chart.put("xName", this.messages.getMessage("kx.importance", null, locale));
		chart.put("yName", this.messages.getMessage("kx.performance", null, locale));
		chart.put("meanX", drivers.stream().mapToDouble((d) -> d.importance().lmgPercent()).average().orElse(0));
		chart.put("meanY", drivers.stream().mapToDouble((d) -> d.importance().performance()).average().orElse(0));
		List<Map<String, Object>> points = new ArrayList<>();
		for (Driver driver : drivers) {
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("name", driver.label());
			point.put("x", driver.importance().lmgPercent());
			point.put("y", driver.importance().performance());
			point.put("lower", (driver.interval() != null) ? driver.interval().lower() : null);
			point.put("upper", (driver.interval() != null) ? driver.interval().upper() : null);
			point.put("quadrant", driver.importance().quadrant().name());
			points.add(point);
		}
		chart.put("points", points);
		return this.json.writeValueAsString(chart);
	}

}
