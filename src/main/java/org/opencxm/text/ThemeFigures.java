package org.opencxm.text;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalDays;
import org.opencxm.analytics.Comparison;
import org.opencxm.analytics.ConfidenceInterval;
import org.opencxm.analytics.MeanEstimate;
import org.opencxm.analytics.Moments;
import org.opencxm.analytics.NpsCounts;
import org.opencxm.analytics.Proportion;
import org.opencxm.journeys.TouchpointRef;
import org.opencxm.journeys.Touchpoints;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.Role;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.FieldViolation;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LocalizedText;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures by theme and experience factor over the stored comment analyses, joined to the
 * responses' NPS class. Both come from this module's own tables: the NPS class is kept
 * from the evaluation module's {@code ResponseEvaluated} event ({@link ResponseNps}) and
 * joined at query time, so a comment analysed before its response was evaluated still
 * counts.
 */
@Service
public class ThemeFigures {

	static final String TAGS_BY_DAY = """
			select c.local_day, t.kind, t.tag, count(*) as comments, count(distinct c.response_id) as responses,
				sum(c.score) as score_sum, sum(c.score * c.score) as score_sq,
				sum(case when c.label = 'NEGATIVE' then 1 else 0 end) as negatives,
				count(distinct case when e.nps_class = 'PROMOTER' then c.response_id end) as promoters,
				count(distinct case when e.nps_class = 'PASSIVE' then c.response_id end) as passives,
				count(distinct case when e.nps_class = 'DETRACTOR' then c.response_id end) as detractors
			from comment_analysis c
			join comment_tag t on t.analysis_id = c.id
			left join text_response_nps e on e.response_id = c.response_id
			where c.local_day >= :from and c.local_day <= :to and t.kind in ('THEME', 'FACTOR') %s
			group by c.local_day, t.kind, t.tag
			""";

	static final String BASE_BY_NPS_CLASS = """
			select e.nps_class, count(distinct c.response_id) as responses
			from comment_analysis c
			join text_response_nps e on e.response_id = c.response_id
			where c.local_day >= :from and c.local_day <= :to and e.nps_class is not null %s
			group by e.nps_class
			""";

	private static final int MAX_DAYS = 3660;

	private static final Map<ExperienceFactor, LocalizedText> FACTOR_NAMES = Map.of(ExperienceFactor.PRODUCT,
			new LocalizedText("产品", "Product"), ExperienceFactor.SERVICE, new LocalizedText("服务", "Service"),
			ExperienceFactor.RELATIONSHIP, new LocalizedText("关系", "Relationship"), ExperienceFactor.CONVENIENCE,
			new LocalizedText("便利性", "Convenience"), ExperienceFactor.BRAND_IMAGE,
			new LocalizedText("品牌形象", "Brand image"), ExperienceFactor.PRICE, new LocalizedText("价格", "Price"));

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final OrgUnits units;

	private final Touchpoints touchpoints;

	private final Themes themes;

	private final Clock clock;

	ThemeFigures(JdbcClient jdbc, OrgScope scope, OrgUnits units, Touchpoints touchpoints, Themes themes, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.units = units;
		this.touchpoints = touchpoints;
		this.themes = themes;
		this.clock = clock;
	}

	/**
	 * What the report covers: days {@code from} to {@code to} (the last 30 days by
	 * default), optionally one org unit with the units below it and one touchpoint, by
	 * code.
	 */
	public record Query(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String unit,
			@Nullable String touchpoint, @Nullable String grain) {

	}

	private record Tag(String kind, String code) {

	}

	/** The mergeable sums of one tag over some days. */
	private record Sums(long comments, long responses, Moments sentiment, long negatives, NpsCounts nps) {

		static final Sums EMPTY = new Sums(0, 0, Moments.EMPTY, 0, NpsCounts.EMPTY);

		Sums merge(Sums other) {
			return new Sums(this.comments + other.comments, this.responses + other.responses,
					this.sentiment.merge(other.sentiment), this.negatives + other.negatives, this.nps.merge(other.nps));
		}

	}

	@Transactional(readOnly = true)
	public ThemeReport report(Query query) {
		this.scope.requireRole(Role.VIEWER);
		List<FieldViolation> violations = new ArrayList<>();
		String grain = (query.grain() != null) ? query.grain().toLowerCase(Locale.ROOT) : "day";
		if (!List.of("day", "week", "month", "quarter").contains(grain)) {
			violations.add(FieldViolation.of("grain", "one of day, week, month, quarter"));
		}
		LocalDate to = (query.to() != null) ? query.to() : LocalDays.newest(this.clock);
		LocalDate from = (query.from() != null) ? query.from() : to.minusDays(29);
		if (from.isAfter(to)) {
			violations.add(FieldViolation.of("from", "must not be after to"));
		}
		else if (from.plusDays(MAX_DAYS).isBefore(to)) {
			violations.add(FieldViolation.of("to", "at most " + MAX_DAYS + " days"));
		}
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		if (query.unit() != null && !query.unit().isBlank()) {
			this.units.find(query.unit()).ifPresentOrElse((unit) -> {
				where.append(" and c.unit_id in (:units)");
				params.put("units", this.scope.subtree(unit.id()).ids());
			}, () -> violations.add(FieldViolation.of("unit", "unknown unit " + query.unit())));
		}
		if (query.touchpoint() != null && !query.touchpoint().isBlank()) {
			this.touchpoints.ref(query.touchpoint()).map(TouchpointRef::id).ifPresentOrElse((id) -> {
				where.append(" and c.touchpoint_id = :touchpoint");
				params.put("touchpoint", id);
			}, () -> violations.add(FieldViolation.of("touchpoint", "unknown touchpoint " + query.touchpoint())));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		VisibleUnits visible = this.scope.visibleUnits();
		if (!visible.all()) {
			where.append(" and c.unit_id in (:visible)");
			params.put("visible", visible.ids().isEmpty() ? Set.of(-1L) : visible.ids());
		}
		params.put("from", Date.valueOf(from));
		params.put("to", Date.valueOf(to));
		Map<Tag, Map<LocalDate, Sums>> byTag = new LinkedHashMap<>();
		this.jdbc.sql(TAGS_BY_DAY.formatted(where)).params(params).query((ResultSet rs) -> {
			Sums sums = new Sums(rs.getLong("comments"), rs.getLong("responses"),
					new Moments(rs.getLong("comments"), rs.getDouble("score_sum"), rs.getDouble("score_sq")),
					rs.getLong("negatives"),
					new NpsCounts(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors")));
			LocalDate period = start(grain, rs.getDate("local_day").toLocalDate());
			byTag.computeIfAbsent(new Tag(rs.getString("kind"), rs.getString("tag")), (tag) -> new TreeMap<>())
				.merge(period, sums, Sums::merge);
		});
		Map<String, Long> base = new HashMap<>();
		this.jdbc.sql(BASE_BY_NPS_CLASS.formatted(where)).params(params).query((ResultSet rs) -> {
			base.put(rs.getString("nps_class"), rs.getLong("responses"));
		});
		Map<String, LocalizedText> themeNames = this.themes.names();
		List<ThemeReport.Series> themeSeries = new ArrayList<>();
		List<ThemeReport.Series> factorSeries = new ArrayList<>();
		Map<Tag, Sums> totals = new LinkedHashMap<>();
		byTag.forEach((tag, periods) -> {
			Sums total = periods.values().stream().reduce(Sums.EMPTY, Sums::merge);
			totals.put(tag, total);
			List<ThemeReport.Point> points = new ArrayList<>();
			periods.forEach((period, sums) -> points.add(new ThemeReport.Point(period, figures(sums))));
			ThemeReport.Series series = new ThemeReport.Series(tag.kind(), tag.code(), name(tag, themeNames),
					figures(total), points);
			(CommentStore.THEME.equals(tag.kind()) ? themeSeries : factorSeries).add(series);
		});
		Comparator<ThemeReport.Series> mostMentioned = Comparator
			.comparingLong((ThemeReport.Series s) -> s.total().comments())
			.reversed()
			.thenComparing(ThemeReport.Series::code);
		themeSeries.sort(mostMentioned);
		factorSeries.sort(mostMentioned);
		return new ThemeReport(from, to, grain, themeSeries, factorSeries, drivers(totals, base, themeNames));
	}

	/**
	 * Every tag's share among detractors against its share among the others, the largest
	 * excess first.
	 */
	private static ThemeReport.DetractorDrivers drivers(Map<Tag, Sums> totals, Map<String, Long> base,
			Map<String, LocalizedText> themeNames) {
		long detractors = base.getOrDefault("DETRACTOR", 0L);
		long others = base.getOrDefault("PROMOTER", 0L) + base.getOrDefault("PASSIVE", 0L);
		List<ThemeReport.Driver> drivers = new ArrayList<>();
		totals.forEach((tag, sums) -> {
			long inDetractors = sums.nps().detractors();
			long inOthers = sums.nps().promoters() + sums.nps().passives();
			if (inDetractors + inOthers == 0) {
				return;
			}
			double detractorShare = (detractors > 0) ? (double) inDetractors / detractors : 0;
			double otherShare = (others > 0) ? (double) inOthers / others : 0;
			@Nullable Double lift = (otherShare > 0 && detractors > 0) ? detractorShare / otherShare : null;
			@Nullable Comparison test = Comparison
				.ofProportions(new Proportion(inDetractors, detractors), new Proportion(inOthers, others))
				.orElse(null);
			drivers.add(new ThemeReport.Driver(tag.kind(), tag.code(), name(tag, themeNames), inDetractors,
					detractorShare, inOthers, otherShare, lift, test));
		});
		drivers.sort(Comparator.comparingDouble((ThemeReport.Driver d) -> d.detractorShare() - d.otherShare())
			.reversed()
			.thenComparing(ThemeReport.Driver::code));
		return new ThemeReport.DetractorDrivers(detractors, others, drivers);
	}

	private static ThemeReport.Figures figures(Sums sums) {
		Proportion negative = new Proportion(sums.negatives(), sums.comments());
		return new ThemeReport.Figures(sums.comments(), sums.responses(), sentiment(sums.sentiment()),
				new ThemeReport.Share(negative.successes(), negative.count(), negative.share(), negative.interval()),
				(sums.nps().count() > 0) ? sums.nps().score() : null);
	}

	/**
	 * The mean sentiment with its t interval cut to the scale: with few comments the
	 * interval would reach past -1 or 1, where no score can lie.
	 */
	private static MeanEstimate sentiment(Moments moments) {
		MeanEstimate estimate = moments.estimate();
		ConfidenceInterval interval = estimate.interval();
		if (interval == null) {
			return estimate;
		}
		return new MeanEstimate(estimate.count(), estimate.mean(), estimate.standardDeviation(),
				new ConfidenceInterval(Math.max(-1, interval.lower()), Math.min(1, interval.upper())),
				estimate.smallSample());
	}

	private static @Nullable LocalizedText name(Tag tag, Map<String, LocalizedText> themeNames) {
		if (CommentStore.FACTOR.equals(tag.kind())) {
			try {
				return FACTOR_NAMES.get(ExperienceFactor.valueOf(tag.code()));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return themeNames.get(tag.code());
	}

	private static LocalDate start(String grain, LocalDate day) {
		return switch (grain) {
			case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case "month" -> day.withDayOfMonth(1);
			case "quarter" -> day.withDayOfMonth(1).withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1);
			default -> day;
		};
	}

}
