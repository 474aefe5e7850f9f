package org.opencxm.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Journey;
import org.opencxm.journeys.Journeys;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.segments.Segment;
import org.opencxm.segments.Segments;
import org.opencxm.shared.PageRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a rule may be limited to, as choices for a form: the touchpoints and stages of
 * every journey, the org units the user may see (a scoped user only its own), and the
 * segments. A code a rule holds that is not among them (a unit outside the user's scope,
 * a deleted touchpoint) stays a choice under its code, so saving keeps it.
 */
@Component
class DesignChoices {

	private final Journeys journeys;

	private final OrgUnits units;

	private final Segments segments;

	DesignChoices(Journeys journeys, OrgUnits units, Segments segments) {
		this.journeys = journeys;
		this.units = units;
		this.segments = segments;
	}

	/** A value and what the user reads for it. */
	record Choice(String value, String label) {
	}

	record Limits(List<Choice> touchpoints, List<Choice> stages, List<Choice> units, List<Choice> segments) {
	}

	Limits limits(@Nullable List<String> touchpoints, @Nullable List<String> stages, @Nullable List<String> units,
			@Nullable List<String> segments) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> touchpointChoices = new LinkedHashMap<>();
		Map<String, String> stageChoices = new LinkedHashMap<>();
		for (Journey journey : this.journeys.list()) {
			String journeyName = journey.name().in(locale);
			for (Journey.Stage stage : journey.stages()) {
				String stageName = journeyName + " › " + stage.name().in(locale);
				stageChoices.put(journey.code() + "/" + stage.code(), stageName);
				for (JourneyDesignController.TreeRow row : JourneyDesignController.flatten(stage.touchpoints())) {
					touchpointChoices.put(row.touchpoint().code(),
							stageName + " › " + "  ".repeat(row.depth()) + row.touchpoint().name().in(locale));
				}
			}
		}
		Map<String, String> unitChoices = new LinkedHashMap<>();
		for (OrgUnit unit : UnitAdminController.treeOrder(this.units.list())) {
			unitChoices.put(unit.code(), "  ".repeat(unit.level()) + unit.name().in(locale));
		}
		Map<String, String> segmentChoices = new LinkedHashMap<>();
		for (Segment segment : this.segments.list(new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
			segmentChoices.put(segment.code(), segment.name().in(locale));
		}
		return new Limits(choices(touchpointChoices, touchpoints), choices(stageChoices, stages),
				choices(unitChoices, units), choices(segmentChoices, segments));
	}

	private static List<Choice> choices(Map<String, String> known, @Nullable List<String> held) {
		List<Choice> choices = new ArrayList<>();
		known.forEach((value, label) -> choices.add(new Choice(value, label)));
		if (held != null) {
			held.stream()
				.filter((code) -> !known.containsKey(code))
				.forEach((code) -> choices.add(new Choice(code, code)));
		}
		return choices;
	}

}
