package org.opencxm.analytics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalDays;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.NotFoundException;
import org.opencxm.surveys.Surveys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Key-experience analysis of a survey: the daily summed cross-products of its drivers
 * with each other and with the NPS answer are merged (never the responses themselves) and
 * handed to {@link KeyDriverAnalysis}, with the delete-a-day jackknife for intervals.
 */
@Service
public class KeyDrivers {

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final OrgScope scope;

	private final Clock clock;

	KeyDrivers(JdbcClient jdbc, Surveys surveys, OrgScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * The analysis over the days from {@code from} to {@code to} (inclusive; by default
	 * the last year). When a survey's driver questions changed over time, the set
	 * answered by most responses is analysed.
	 */
	public KeyDriverAnalysis analyse(String surveyCode, @Nullable LocalDate from, @Nullable LocalDate to) {
		this.scope.requireRole(Role.VIEWER);
		if (this.scope.caller().scoped()) {
			throw new AccessDeniedException("key drivers are computed over the whole company");
		}
		long surveyId = this.surveys.find(surveyCode)
			.orElseThrow(() -> new NotFoundException("survey", surveyCode))
			.id();
		LocalDate last = (to != null) ? to : LocalDays.newest(this.clock);
		LocalDate first = (from != null) ? from : last.minusYears(1);
		if (first.isAfter(last)) {
			throw new InvalidInputException("from", "must not be after to");
		}
		Map<String, List<CrossProducts>> bySet = new HashMap<>();
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("""
				select drivers, n, sums, products from analytics_driver_daily
				where survey_id = ? and local_day >= ? and local_day <= ? and n > 0 order by local_day
				""").params(surveyId, Date.valueOf(first), Date.valueOf(last)).query((rs, row) -> {
			String drivers = rs.getString("drivers");
			CrossProducts day = CrossProducts.of(rs.getLong("n"), Rollup.numbers(rs.getString("sums")),
					Rollup.numbers(rs.getString("products")));
			bySet.computeIfAbsent(drivers, (k) -> new ArrayList<>()).add(day);
			counts.merge(drivers, day.count(), Long::sum);
			return null;
		}).list();
		String drivers = counts.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElseThrow(() -> new InvalidInputException("survey",
					"has no responses with an NPS answer and driver scores in this period"));
		try {
			return KeyDriverAnalysis.of(Arrays.asList(drivers.split(",")), bySet.get(drivers));
		}
		catch (KeyDriverException ex) {
			throw new InvalidInputException("survey", ex.getMessage());
		}
	}

}
