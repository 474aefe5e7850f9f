package org.opencxm.console;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.actions.Case;
import org.opencxm.actions.CaseQuery;
import org.opencxm.actions.Cases;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.Customer;
import org.opencxm.customers.CustomerQuery;
import org.opencxm.customers.Customers;
import org.opencxm.interactions.ContactHistory;
import org.opencxm.interactions.Interaction;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.segments.Segments;
import org.opencxm.shared.PageRequest;
import org.opencxm.shared.PageResult;
import org.opencxm.surveys.Answer;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.Survey;
import org.opencxm.surveys.SurveyResponse;
import org.opencxm.surveys.Surveys;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Customers: a search by name, phone or e-mail, and a profile with the timeline of the
 * customer's contacts, survey responses and cases, and its consents. Only customers homed
 * in the caller's part of the organisation are found; another is a 404.
 */
@Controller
class CustomerProfileController {

	private static final int PAGE_SIZE = 50;

	/** The most recent entries of each kind the timeline shows. */
	private static final int TIMELINE = 50;

	private final OrgScope scope;

	private final Customers customers;

	private final ContactHistory contacts;

	private final Responses responses;

	private final Surveys surveys;

	private final Cases cases;

	private final OrgUnits units;

	private final DisplayTime time;

	private final Segments segments;

	private final CommentMarks marks;

	CustomerProfileController(OrgScope scope, Customers customers, ContactHistory contacts, Responses responses,
			Surveys surveys, Cases cases, OrgUnits units, DisplayTime time, Segments segments, CommentMarks marks) {
		this.marks = marks;
		this.segments = segments;
		this.scope = scope;
		this.customers = customers;
		this.contacts = contacts;
		this.responses = responses;
		this.surveys = surveys;
		this.cases = cases;
		this.units = units;
		this.time = time;
	}

	/**
	 * One entry of a customer's timeline.
	 *
	 * @param kind CONTACT, RESPONSE or CASE
	 * @param title what it was: a touchpoint, a survey, a case's title
	 * @param detail more about it: the channel, the status
	 * @param link the page about it, if there is one
	 * @param comments a response's comments, marked by their stored analysis
	 */
	record Entry(Instant at, String kind, String title, @Nullable String detail, @Nullable Integer score,
			@Nullable String link, List<CommentMarks.MarkedComment> comments) {

	}

	@GetMapping("/customers")
	String search(@RequestParam(name = "q", required = false) @Nullable String text,
			@RequestParam(name = "page", required = false) @Nullable Integer page, Model model) {
		this.scope.requireRole(Role.VIEWER);
		String query = (text != null && !text.isBlank()) ? text.strip() : null;
		int number = (page != null && page >= 0) ? page : 0;
		PageResult<Customer> result = this.customers.search(
				new CustomerQuery(query, null, null, null, null, null, null, List.of()),
				new PageRequest(number, PAGE_SIZE));
		model.addAttribute("q", query);
		model.addAttribute("result", result);
		model.addAttribute("unitNames", unitNames());
		model.addAttribute("nextPage", ((long) (number + 1) * PAGE_SIZE < result.total()) ? number + 1 : null);
		model.addAttribute("previousPage", (number > 0) ? number - 1 : null);
		return "customers/search";
	}

	@GetMapping("/customers/{externalId}")
	String profile(@PathVariable String externalId, Model model) {
		Customer customer = this.customers.get(externalId);
		ZoneId zone = this.time.zone();
		List<Entry> timeline = new ArrayList<>();
		for (Interaction contact : this.contacts.timeline(externalId, new PageRequest(0, TIMELINE))
			.contacts()
			.items()) {
			timeline.add(new Entry(contact.occurredAt(), "CONTACT", contact.touchpoint(),
					contact.channel().name() + ((contact.unit() != null) ? " · " + contact.unit() : ""), null, null,
					List.of()));
		}
		Map<String, String> surveyTitles = new HashMap<>();
		Locale locale = LocaleContextHolder.getLocale();
		List<SurveyResponse> answered = this.responses.ofCustomer(customer.id(), new PageRequest(0, TIMELINE)).items();
		Map<Long, List<CommentMarks.MarkedComment>> marked = this.marks.of(answered);
		for (SurveyResponse response : answered) {
			String title = surveyTitles.computeIfAbsent(response.surveyCode(),
					(code) -> this.surveys.find(code).map(Survey::title).map((text) -> text.in(locale)).orElse(code));
			Integer nps = response.answer("nps")
				.filter(Answer.Score.class::isInstance)
				.map((answer) -> ((Answer.Score) answer).value())
				.orElse(null);
			timeline.add(new Entry((response.submittedAt() != null) ? response.submittedAt() : Instant.EPOCH,
					"RESPONSE", title, null, nps, null, marked.getOrDefault(response.id(), List.of())));
		}
		PageResult<Case> caseList = this.cases
			.list(new CaseQuery(null, null, null, false, externalId, null, null, null), new PageRequest(0, TIMELINE));
		for (Case item : caseList.items()) {
			timeline.add(new Entry(item.openedAt(), "CASE", item.title(), item.status().name(), item.npsScore(),
					"/cases/" + item.id(), List.of()));
		}
		timeline.sort(Comparator.comparing(Entry::at).reversed());
		model.addAttribute("customer", customer);
		model.addAttribute("segments", this.segments.membershipsOf(customer.id()));
		model.addAttribute("homeUnit",
				(customer.homeUnitCode() != null) ? this.units.find(customer.homeUnitCode()).orElse(null) : null);
		model.addAttribute("timeline", timeline);
		model.addAttribute("commented", marked.values().stream().anyMatch((comments) -> !comments.isEmpty()));
		model.addAttribute("zone", zone);
		model.addAttribute("channels", ConsentChannel.values());
		model.addAttribute("openCases", caseList.items().stream().filter((item) -> item.status().open()).count());
		return "customers/profile";
	}

	private Map<String, String> unitNames() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = new HashMap<>();
		for (OrgUnit unit : this.units.list()) {
			names.put(unit.code(), unit.name().in(locale));
		}
		return names;
	}

}
