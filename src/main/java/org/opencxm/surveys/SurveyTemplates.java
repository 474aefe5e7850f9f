package org.opencxm.surveys;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.opencxm.shared.Created;
import org.opencxm.shared.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The ready surveys: relationship NPS, the transactional touchpoint survey, the
 * real-estate handover survey, the bank's seven-step branch survey, the event feedback
 * survey and the follow-up after a resolved case.
 */
@Service
public class SurveyTemplates {

	public static final String RELATIONSHIP_NPS = "relationship-nps";

	public static final String TOUCHPOINT = "touchpoint";

	public static final String REAL_ESTATE_HANDOVER = "real-estate-handover";

	public static final String BANK_SEVEN_STEP = "bank-seven-step";

	public static final String EVENT_FEEDBACK = "event-feedback";

	/** The follow-up after a resolved case: resolved or not, and satisfaction now. */
	public static final String CASE_RECOVERY = "case-recovery";

	private final Surveys surveys;

	private final Map<String, TemplateCatalog.Entry> entries;

	SurveyTemplates(Surveys surveys) {
		this.surveys = surveys;
		this.entries = TemplateCatalog.entries()
			.stream()
			.collect(Collectors.toMap(TemplateCatalog.Entry::id, Function.identity(), (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	public List<SurveyTemplate> list() {
		return this.entries.values()
			.stream()
			.map((e) -> new SurveyTemplate(e.id(), e.name(), e.description(), e.definition().questions().size()))
			.toList();
	}

	/** What a template's survey says. */
	public Optional<SurveyDefinition> definition(String template) {
		return Optional.ofNullable(this.entries.get(template)).map(TemplateCatalog.Entry::definition);
	}

	/**
	 * Creates a survey from a template under the given code, published at once if asked.
	 * Creating it again answers with the stored survey.
	 */
	public Created<Survey> create(String template, String code, boolean publish) {
		TemplateCatalog.Entry entry = this.entries.get(template);
		if (entry == null) {
			throw new NotFoundException("survey template", template);
		}
		SurveyDefinition definition = entry.definition();
		return this.surveys.create(new SurveyRequest(code, definition.title(), definition.intro(), definition.thanks(),
				definition.questions()), publish, template);
	}

}
