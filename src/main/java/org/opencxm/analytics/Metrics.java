package org.opencxm.analytics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AgeBand;
import org.opencxm.customers.ValueTier;
import org.opencxm.shared.LocalDays;
import org.opencxm.journeys.Channel;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.StageRef;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.PageRequest;
import org.opencxm.surveys.InvitationCounts;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.Survey;
import org.opencxm.surveys.Surveys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metrics over any slice and period, summed in SQL from the daily aggregates and turned
 * into figures with intervals in Java. Responses themselves are never read.
 */
@Service
public class Metrics {

	static final int MAX_DAYS = 3660;

	/** The question of a rating query that stands for every expectation gap. */
	private static final String EVERY_GAP = "*.gap";

	/** The {@link Slice#table} of the response rate, which the surveys module counts. */
	private static final String INVITATIONS = "survey_invitation";

	/** The dimensions the company-wide aggregates keep. */
	private static final Set<Dimension> COMPANY_WIDE = java.util.EnumSet.of(Dimension.SURVEY, Dimension.TOUCHPOINT,
			Dimension.STAGE, Dimension.CHANNEL);

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Touchpoints touchpoints;

	private final Journeys journeys;

	private final Surveys surveys;

	private final Clock clock;

	private final InvitationCounts invitationCounts;

	private final RatingSlots slots;

	Metrics(JdbcClient jdbc, OrgScope scope, OrgUnits units, Touchpoints touchpoints, Journeys journeys,
			Surveys surveys, Clock clock, InvitationCounts invitationCounts, RatingSlots slots) {
		this.clock = clock;
		this.slots = slots;
		this.invitationCounts = invitationCounts;
		this.jdbc = jdbc;
		this.scope = scope;
		this.units = units;
		this.touchpoints = touchpoints;
		this.journeys = journeys;
		this.surveys = surveys;
	}

	/**
	 * What a metrics query asks, as the API gives it; {@code filters} by dimension code.
	 */
	public record Query(String metric, @Nullable String question, List<String> by, @Nullable String grain,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String compare, Map<String, String> filters) {

	}

	/**
	 * Where a query reads: the table and the SQL conditions, or for the response rate the
	 * invitation filters.
	 */
	record Slice(String table, String where, Map<String, Object> params,
			Map<InvitationCounts.Dimension, Collection<Long>> invitations, boolean companyWide, List<String> counts,
			List<RatingSlots.Slot> ratings) {

		/** The same slice, summing what figures of all these metrics need. */
		Slice counting(Collection<Metric> metrics) {
			return new Slice(this.table, this.where, this.params, this.invitations, this.companyWide,
					Totals.counts(metrics), this.ratings);
		}

	}

	record Key(LocalDate period, List<Object> group) {

	}

	@Transactional(readOnly = true)
	public MetricSeries query(Query query) {
		this.scope.requireRole(Role.VIEWER);
		List<FieldViolation> violations = new ArrayList<>();
		Metric metric = Metric.of(query.metric()).orElse(null);
		if (metric == null) {
			violations.add(FieldViolation.of("metric", "unknown metric " + query.metric()));
		}
		else if (metric == Metric.RATING && (query.question() == null || query.question().isBlank())) {
			violations.add(FieldViolation.of("question", "rating needs a question code"));
		}
		List<Dimension> by = new ArrayList<>();
		for (String code : query.by()) {
			Optional<Dimension> dimension = Dimension.of(code);
			if (dimension.isEmpty()) {
				violations.add(FieldViolation.of("by", "unknown dimension " + code));
			}
			else if (metric == Metric.RATING && !dimension.get().inRatings()) {
				violations.add(FieldViolation.of("by", "rating can be split by touchpoint, unit and survey only"));
			}
			else if (metric == Metric.RESPONSE_RATE && dimension.get().invitations() == null) {
				violations.add(FieldViolation.of("by",
						"response-rate can be split by survey, touchpoint, stage and unit only"));
			}
			else if (!by.contains(dimension.get())) {
				by.add(dimension.get());
			}
		}
		Grain grain = grain(query.grain(), violations);
		LocalDate to = (query.to() != null) ? query.to() : LocalDays.newest(this.clock);
		LocalDate from = (query.from() != null) ? query.from() : to.minusDays(29);
		if (from.isAfter(to)) {
			violations.add(FieldViolation.of("from", "must not be after to"));
		}
		else if (from.plusDays(MAX_DAYS).isBefore(to)) {
			violations.add(FieldViolation.of("to", "at most " + MAX_DAYS + " days"));
		}
		boolean compare = false;
		if (query.compare() != null) {
			compare = "previous".equals(query.compare());
			if (!compare) {
				violations.add(FieldViolation.of("compare", "only previous"));
			}
		}
		Slice slice = (metric != null) ? slice(metric, query, violations) : null;
		if (!violations.isEmpty() || metric == null || slice == null) {
			throw new InvalidInputException(violations);
		}
		LocalDate queried = compare ? grain.previous(grain.start(from)) : from;
		Map<Key, Totals> buckets = sums(slice, by, grain, queried, to);
		Labels labels = new Labels();
		List<MetricPoint> points = new ArrayList<>();
		for (Map.Entry<Key, Totals> bucket : buckets.entrySet()) {
			Key key = bucket.getKey();
			if (key.period().isBefore(grain.start(from))) {
				continue;
			}
			Figure figure = Figures.of(metric, bucket.getValue());
			if (compare) {
				Totals before = buckets.getOrDefault(new Key(grain.previous(key.period()), key.group()), Totals.EMPTY);
				figure = figure.comparedWith(Figures.of(metric, before),
						Figures.comparison(metric, bucket.getValue(), before));
			}
			Map<String, String> group = new LinkedHashMap<>();
			for (int i = 0; i < by.size(); i++) {
				group.put(by.get(i).code, labels.label(by.get(i), key.group().get(i)));
			}
			points.add(new MetricPoint(key.period(), group, figure));
		}
		return new MetricSeries(metric.code, query.question(), grain.name().toLowerCase(java.util.Locale.ROOT), from,
				to, by.stream().map((d) -> d.code).toList(), points);
	}

	/**
	 * Every visible unit with responses in the slice the filters name (as in
	 * {@link #query}: touchpoint, stage, unit subtree, channel, customer segment,
	 * survey), ranked by the metric shrunk toward its parent unit's figure (the parent's
	 * own and its children's responses together).
	 */
	@Transactional(readOnly = true)
	public UnitRanking units(String metricCode, @Nullable LocalDate from, @Nullable LocalDate to,
			Map<String, String> filters) {
		this.scope.requireRole(Role.VIEWER);
		Metric metric = Metric.of(metricCode).filter(Metric::rankable).orElse(null);
		if (metric == null) {
			throw new InvalidInputException("metric", "units are ranked by nps or a mean, not " + metricCode);
		}
		LocalDate last = (to != null) ? to : LocalDays.newest(this.clock);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		Query query = new Query(metric.code, null, List.of("unit"), "day", first, last, null, filters);
		List<FieldViolation> violations = new ArrayList<>();
		Slice slice = slice(metric, query, violations);
		if (!violations.isEmpty() || slice == null) {
			throw new InvalidInputException(violations);
		}
		Map<Long, Totals> byUnit = new HashMap<>();
		runs(slice, List.of(Dimension.UNIT), List.of(first), last)
			.forEach((key, totals) -> byUnit.merge((Long) key.group().get(0), totals, Totals::merge));
		Map<String, OrgUnit> visible = new LinkedHashMap<>();
		this.units.list().forEach((unit) -> visible.put(unit.code(), unit));
		Map<String, List<OrgUnit>> siblings = new LinkedHashMap<>();
		visible.values()
			.stream()
			.filter((unit) -> byUnit.containsKey(unit.id()) && observed(metric, byUnit.get(unit.id())))
			.forEach((unit) -> siblings.computeIfAbsent(String.valueOf(unit.parentCode()), (p) -> new ArrayList<>())
				.add(unit));
		List<UnitRanking.Entry> entries = new ArrayList<>();
		siblings.forEach((parent, children) -> {
			List<Totals> own = children.stream().map((unit) -> byUnit.get(unit.id())).toList();
			OrgUnit parentUnit = visible.get(parent);
			Totals prior = own.stream().reduce(Totals.EMPTY, Totals::merge);
			if (parentUnit != null && byUnit.containsKey(parentUnit.id())) {
				prior = prior.merge(byUnit.get(parentUnit.id()));
			}
			Shrinkage shrinkage = (metric == Metric.NPS)
					? Shrinkage.npsToward(prior.nps(), own.stream().map(Totals::nps).toList())
					: Shrinkage.toward(moments(metric, prior), own.stream().map((t) -> moments(metric, t)).toList());
			for (int i = 0; i < children.size(); i++) {
				ShrunkenEstimate estimate = shrinkage.estimates().get(i);
				entries.add(new UnitRanking.Entry(children.get(i).code(), children.get(i).parentCode(),
						estimate.count(), estimate.raw(), estimate.shrunken(), estimate.weight(), estimate.interval(),
						estimate.count() < 30));
			}
		});
		entries.sort(java.util.Comparator.comparingDouble(UnitRanking.Entry::shrunken).reversed());
		return new UnitRanking(metric.code, entries);
	}

	/**
	 * The expectation gap of every attribute asked about in the slice, one figure per
	 * survey and expectation/perception question, the widest shortfall first. Filtered
	 * like a {@code rating} query: by touchpoint, unit and survey, within the caller's
	 * units.
	 */
	@Transactional(readOnly = true)
	public List<ExpectationGap> gaps(@Nullable LocalDate from, @Nullable LocalDate to, Map<String, String> filters) {
		this.scope.requireRole(Role.VIEWER);
		List<FieldViolation> violations = new ArrayList<>();
		LocalDate last = (to != null) ? to : LocalDays.newest(this.clock);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		if (first.isAfter(last)) {
			violations.add(FieldViolation.of("from", "must not be after to"));
		}
		else if (first.plusDays(MAX_DAYS).isBefore(last)) {
			violations.add(FieldViolation.of("to", "at most " + MAX_DAYS + " days"));
		}
		Slice slice = slice(Metric.RATING,
				new Query(Metric.RATING.code, EVERY_GAP, List.of(), null, first, last, null, filters), violations);
		if (!violations.isEmpty() || slice == null) {
			throw new InvalidInputException(violations);
		}
		Map<Long, Survey> surveys = new HashMap<>();
		new Labels().surveys().forEach((survey) -> surveys.put(survey.id(), survey));
		List<ExpectationGap> gaps = new ArrayList<>();
		List<RatingSlots.Slot> slots = slice.ratings();
		if (slots.isEmpty()) {
			return gaps;
		}
		List<String> sums = new ArrayList<>();
		for (int i = 0; i < slots.size(); i++) {
			sums.add(RatingSlots.sums(List.of(slots.get(i)), "_" + i));
		}
		Map<String, Object> totals = this.jdbc
			.sql("select " + String.join(", ", sums) + " from analytics_rating_daily"
					+ " where local_day >= :from and local_day <= :to" + slice.where())
			.params(slice.params())
			.param("from", Date.valueOf(first))
			.param("to", Date.valueOf(last))
			.query()
			.singleRow();
		for (int i = 0; i < slots.size(); i++) {
			Moments moments = Totals.rating(totals, "_" + i);
			if (moments.count() == 0) {
				continue;
			}
			RatingSlots.Slot slot = slots.get(i);
			String question = slot.question().substring(0, slot.question().length() - ".gap".length());
			Survey survey = surveys.get(slot.surveyId());
			Optional<Question.ExpectationPerception> asked = (survey != null) ? survey.questions()
				.stream()
				.filter((q) -> q.code().equals(question) && q instanceof Question.ExpectationPerception)
				.map(Question.ExpectationPerception.class::cast)
				.findFirst() : Optional.empty();
			gaps.add(new ExpectationGap((survey != null) ? survey.code() : String.valueOf(slot.surveyId()), question,
					asked.map(Question.ExpectationPerception::attribute).orElse(question),
					asked.map(Question.ExpectationPerception::text).orElse(null),
					Figures.of(Metric.RATING, Totals.ofRating(moments))));
		}
		gaps.sort(java.util.Comparator
			.comparingDouble((ExpectationGap gap) -> (gap.gap().value() != null) ? gap.gap().value() : 0.0)
			.thenComparing(ExpectationGap::survey)
			.thenComparing(ExpectationGap::question));
		return gaps;
	}

	/**
	 * Whether a unit has answers for the metric: a unit whose responses lack it (an
	 * NPS-only survey ranked by CSAT) is left out of the ranking, not ranked at zero.
	 */
	private static boolean observed(Metric metric, Totals totals) {
		return ((metric == Metric.NPS) ? totals.nps().count() : moments(metric, totals).count()) > 0;
	}

	private static Moments moments(Metric metric, Totals totals) {
		return totals.measure(java.util.Objects.requireNonNull(metric.measure));
	}

	static Grain grain(@Nullable String code, List<FieldViolation> violations) {
		if (code == null) {
			return Grain.DAY;
		}
		try {
			return Grain.valueOf(code.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(FieldViolation.of("grain", "one of day, week, month, quarter"));
			return Grain.DAY;
		}
	}

	/**
	 * The table and the conditions of the filters and of the caller's scope.
	 */
	@Nullable Slice slice(Metric metric, Query query, List<FieldViolation> violations) {
		boolean ratings = metric == Metric.RATING;
		Map<InvitationCounts.Dimension, Collection<Long>> invitations = new java.util.EnumMap<>(
				InvitationCounts.Dimension.class);
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		boolean companyWide = true;
		@Nullable Collection<Long> surveys = null;
		for (Map.Entry<String, String> filter : query.filters().entrySet()) {
			Dimension dimension = Dimension.of(filter.getKey()).orElse(null);
			String value = filter.getValue();
			if (dimension == null || value.isBlank()) {
				continue;
			}
			if (ratings && !dimension.inRatings()) {
				violations.add(FieldViolation.of(dimension.code,
						"rating can be filtered by touchpoint, unit and survey only"));
				continue;
			}
			if (metric == Metric.RESPONSE_RATE && dimension.invitations() == null) {
				violations.add(FieldViolation.of(dimension.code,
						"response-rate can be filtered by survey, touchpoint, stage and unit only"));
				continue;
			}
			Object bound = switch (dimension) {
				case TOUCHPOINT -> this.touchpoints.ref(value).map(TouchpointRef::id).orElse(null);
				case UNIT -> this.units.find(value).map((unit) -> this.scope.subtree(unit.id()).ids()).orElse(null);
				case SURVEY -> this.surveys.find(value).map(Survey::id).orElse(null);
				case CHANNEL -> channel(value);
				case STAGE -> stage(value);
				case LIFECYCLE_CLASS -> this.journeys.lifecycleClassCodes().contains(value) ? value : null;
				case VALUE_TIER -> named(ValueTier.class, value);
				case AGE_BAND -> named(AgeBand.class, value);
				default -> value;
			};
			if (bound == null) {
				violations.add(FieldViolation.of(dimension.code, "unknown " + dimension.code + " " + value));
				continue;
			}
			if (dimension == Dimension.SURVEY) {
				surveys = List.of((Long) bound);
			}
			InvitationCounts.Dimension invited = dimension.invitations();
			if (invited != null) {
				invitations.put(invited, (bound instanceof Collection<?> ids)
						? ids.stream().map(Long.class::cast).toList() : List.of((Long) bound));
			}
			companyWide &= COMPANY_WIDE.contains(dimension);
			String name = "f_" + dimension.name().toLowerCase(java.util.Locale.ROOT);
			where.append(" and ").append(dimension.column).append(" in (:").append(name).append(")");
			params.put(name, bound);
		}
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all()) {
			companyWide = false;
			where.append(" and unit_id in (:visible)");
			params.put("visible", visible.ids().isEmpty() ? Set.of(-1L) : visible.ids());
		}
		List<RatingSlots.Slot> slots = List.of();
		if (ratings) {
			slots = EVERY_GAP.equals(query.question()) ? this.slots.gaps(surveys)
					: this.slots.find((query.question() != null) ? query.question() : "", surveys);
			where.append(" and ").append(RatingSlots.condition(slots));
		}
		String table = switch (metric) {
			case RATING -> "analytics_rating_daily";
			case RESPONSE_RATE -> INVITATIONS;
			default -> "analytics_daily";
		};
		return new Slice(table, where.toString(), params, invitations, companyWide, Totals.counts(List.of(metric)),
				slots);
	}

	/** The value when it names a constant of the enum, else null. */
	private static <E extends Enum<E>> @Nullable String named(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value)) {
				return value;
			}
		}
		return null;
	}

	private static @Nullable String channel(String value) {
		try {
			return Channel.valueOf(value).name();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A stage is named by its journey and code, {@code journey/stage}. */
	private @Nullable Long stage(String value) {
		int slash = value.indexOf('/');
		if (slash < 0) {
			return null;
		}
		return this.journeys.find(value.substring(0, slash))
			.flatMap((journey) -> this.journeys.stagesOf(journey.id())
				.stream()
				.filter((stage) -> stage.code().equals(value.substring(slash + 1)))
				.findFirst())
			.map(StageRef::id)
			.orElse(null);
	}

	Map<Key, Totals> sums(Slice slice, List<Dimension> by, Grain grain, LocalDate from, LocalDate to) {
		if (slice.table().equals(INVITATIONS)) {
			return invitations(slice, by, grain, from, to);
		}
		boolean ratings = slice.table().equals("analytics_rating_daily");
		Map<Key, Totals> buckets = new HashMap<>();
		if (ratings || !slice.companyWide() || !COMPANY_WIDE.containsAll(by)) {
			sum(slice.table(), "local_day", slice, by, grain, from, to, buckets);
			return sorted(buckets);
		}
		// Whole months from the monthly rows where the grain allows, the days around them
		// from the daily ones.
		LocalDate firstMonth = (from.getDayOfMonth() == 1) ? from : from.plusMonths(1).withDayOfMonth(1);
		LocalDate end = to.plusDays(1);
		LocalDate lastMonth = end.withDayOfMonth(1).minusMonths(1);
		if ((grain == Grain.MONTH || grain == Grain.QUARTER) && !firstMonth.isAfter(lastMonth)) {
			sum("analytics_company_monthly", "month_start", slice, by, grain, firstMonth, lastMonth, buckets);
			if (from.isBefore(firstMonth)) {
				sum("analytics_company_daily", "local_day", slice, by, grain, from, firstMonth.minusDays(1), buckets);
			}
			if (lastMonth.plusMonths(1).isBefore(end)) {
				sum("analytics_company_daily", "local_day", slice, by, grain, lastMonth.plusMonths(1), to, buckets);
			}
		}
		else {
			sum("analytics_company_daily", "local_day", slice, by, grain, from, to, buckets);
		}
		return sorted(buckets);
	}

	/**
	 * The sums of the slice by group over runs of days: the run starting at each of
	 * {@code starts} (ascending) lasts until the next one starts, the last until
	 * {@code to}; each key's period is its run's first day. The database adds up each
	 * run, so a comparison of two periods by unit reads a row per unit and run, not per
	 * unit and day.
	 */
	Map<Key, Totals> runs(Slice slice, List<Dimension> by, List<LocalDate> starts, LocalDate to) {
		LocalDate from = starts.get(0);
		Map<Key, Totals> runs = new LinkedHashMap<>();
		if (slice.table().equals(INVITATIONS) || slice.table().equals("analytics_rating_daily")) {
			sums(slice, by, Grain.DAY, from, to).forEach((key, totals) -> runs
				.merge(new Key(runOf(key.period(), starts), key.group()), totals, Totals::merge));
			return runs;
		}
		String table = (slice.companyWide() && COMPANY_WIDE.containsAll(by)) ? "analytics_company_daily"
				: slice.table();
		// The days are dates the application made, written as literals so that the
		// expression reads the same in the select list and in the grouping.
		List<String> groups = new ArrayList<>();
		if (starts.size() > 1) {
			StringBuilder run = new StringBuilder("case");
			for (int i = starts.size() - 1; i > 0; i--) {
				run.append(" when local_day >= date '").append(starts.get(i)).append("' then ").append(i);
			}
			groups.add(run.append(" else 0 end").toString());
		}
		by.forEach((d) -> groups.add(d.column));
		// One run is run 0, a constant outside the grouping.
		List<String> selected = new ArrayList<>();
		if (starts.size() == 1) {
			selected.add("0");
		}
		selected.addAll(groups);
		String sql = "select " + String.join(", ", selected) + ", " + Totals.sums(slice.counts()) + " from " + table
				+ " where local_day >= :from and local_day <= :to" + slice.where()
				+ (groups.isEmpty() ? "" : " group by " + String.join(", ", groups));
		this.jdbc.sql(sql)
			.params(slice.params())
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, row) -> {
				List<Object> group = new ArrayList<>();
				for (int i = 0; i < by.size(); i++) {
					group.add(by.get(i).numeric() ? (Object) rs.getLong(i + 2) : rs.getString(i + 2));
				}
				return Map.entry(new Key(starts.get(rs.getInt(1)), group),
						Totals.read(rs, by.size() + 2, slice.counts()));
			})
			.list()
			.forEach((entry) -> runs.merge(entry.getKey(), entry.getValue(), Totals::merge));
		return runs;
	}

	private static LocalDate runOf(LocalDate day, List<LocalDate> starts) {
		LocalDate start = starts.get(0);
		for (LocalDate candidate : starts) {
			if (!day.isBefore(candidate)) {
				start = candidate;
			}
		}
		return start;
	}

	/**
	 * The buckets by period, then group: each group's text made once, not once a
	 * comparison.
	 */
	private static Map<Key, Totals> sorted(Map<Key, Totals> buckets) {
		List<Map.Entry<String, Map.Entry<Key, Totals>>> keyed = new ArrayList<>(buckets.size());
		buckets.entrySet().forEach((entry) -> keyed.add(Map.entry(entry.getKey().group().toString(), entry)));
		keyed.sort(Map.Entry.<String, Map.Entry<Key, Totals>>comparingByValue(
				(a, b) -> a.getKey().period().compareTo(b.getKey().period()))
			.thenComparing(Map.Entry.comparingByKey()));
		Map<Key, Totals> sorted = new LinkedHashMap<>();
		keyed.forEach((entry) -> sorted.put(entry.getValue().getKey(), entry.getValue().getValue()));
		return sorted;
	}

	/** Adds the sums of the rows of {@code table} from {@code from} to {@code to}. */
	private void sum(String table, String period, Slice slice, List<Dimension> by, Grain grain, LocalDate from,
			LocalDate to, Map<Key, Totals> buckets) {
		boolean ratings = table.equals("analytics_rating_daily");
		StringBuilder columns = new StringBuilder(period);
		by.forEach((d) -> columns.append(", ").append(d.column));
		String sums = ratings ? RatingSlots.sums(slice.ratings(), "") : Totals.sums(slice.counts());
		String sql = "select " + columns + ", " + sums + " from " + table + " where " + period + " >= :from and "
				+ period + " <= :to" + slice.where() + " group by " + columns;
		this.jdbc.sql(sql)
			.params(slice.params())
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, row) -> {
				List<Object> group = new ArrayList<>();
				for (Dimension d : by) {
					group.add(d.numeric() ? (Object) rs.getLong(d.column) : rs.getString(d.column));
				}
				Totals totals = ratings ? Totals.readRating(rs) : Totals.read(rs, by.size() + 2, slice.counts());
				return Map.entry(new Key(grain.start(rs.getDate(period).toLocalDate()), group), totals);
			})
			.list()
			.forEach((entry) -> buckets.merge(entry.getKey(), entry.getValue(), Totals::merge));
	}

	/** Invitations sent and answered, counted by the surveys module. */
	private Map<Key, Totals> invitations(Slice slice, List<Dimension> by, Grain grain, LocalDate from, LocalDate to) {
		List<InvitationCounts.Dimension> dimensions = by.stream()
			.map((d) -> java.util.Objects.requireNonNull(d.invitations()))
			.toList();
		Map<Key, Totals> buckets = new TreeMap<>(Metrics::compare);
		for (InvitationCounts.Count count : this.invitationCounts.byDay(from, to, dimensions, slice.invitations())) {
			buckets.merge(new Key(grain.start(count.day()), List.copyOf(count.group())),
					Totals.ofInvitations(count.sent(), count.answered()), Totals::merge);
		}
		return buckets;
	}

	private static int compare(Key a, Key b) {
		int period = a.period().compareTo(b.period());
		return (period != 0) ? period : a.group().toString().compareTo(b.group().toString());
	}

	/** Codes for the ids a query groups by, looked up once each. */
	private final class Labels {

		private final Map<String, String> cache = new HashMap<>();

		private @Nullable Map<Long, String> surveyCodes;

		String label(Dimension dimension, Object value) {
			if (!dimension.numeric()) {
				return (String) value;
			}
			long id = (Long) value;
			if (id == 0) {
				return "";
			}
			return this.cache.computeIfAbsent(dimension.code + id, (k) -> switch (dimension) {
				case TOUCHPOINT -> Metrics.this.touchpoints.ref(id).map(TouchpointRef::code).orElse(String.valueOf(id));
				case UNIT -> Metrics.this.units.findById(id).map(OrgUnit::code).orElse(String.valueOf(id));
				case STAGE -> Metrics.this.journeys.stage(id).map(StageRef::code).orElse(String.valueOf(id));
				default -> surveyCodes().getOrDefault(id, String.valueOf(id));
			});
		}

		private Map<Long, String> surveyCodes() {
			if (this.surveyCodes == null) {
				Map<Long, String> codes = new HashMap<>();
				surveys().forEach((survey) -> codes.put(survey.id(), survey.code()));
				this.surveyCodes = codes;
			}
			return this.surveyCodes;
		}

		List<Survey> surveys() {
			List<Survey> all = new ArrayList<>();
			for (int page = 0;; page++) {
				List<Survey> surveys = Metrics.this.surveys.list(new PageRequest(page, PageRequest.MAX_SIZE)).items();
				all.addAll(surveys);
				if (surveys.size() < PageRequest.MAX_SIZE) {
					return all;
				}
			}
		}

	}

}
