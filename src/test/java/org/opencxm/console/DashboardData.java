package org.opencxm.console;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.opencxm.Api;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.StoredEvaluations;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.SemModule;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * Evaluated responses put straight into the analytics rollup, dated relative to today in
 * the units' time zone, so that the dashboards have figures for this period and the one
 * before.
 */
final class DashboardData {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final StoredEvaluations evaluations;

	private final JdbcClient jdbc;

	private final Clock clock;

	DashboardData(StoredEvaluations evaluations, JdbcClient jdbc, Clock clock) {
		this.evaluations = evaluations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	LocalDate daysAgo(int days) {
		return LocalDate.now(this.clock.withZone(ZONE)).minusDays(days);
	}

	/** Adds {@code count} responses at the unit, {@code daysAgo} days before today. */
	void responses(String unitCode, int daysAgo, int count, int nps, int csat, int ces, ExperienceLevel level) {
		responses(unitCode, daysAgo, count, nps, csat, ces, level, null);
	}

	/** The same, from customers of the given value tier. */
	void responses(String unitCode, int daysAgo, int count, int nps, int csat, int ces, ExperienceLevel level,
			String valueTier) {
		long unitId = this.jdbc.sql("select id from org_unit where code = ?")
			.param(unitCode)
			.query(Long.class)
			.single();
		LocalDate day = daysAgo(daysAgo);
		for (int i = 0; i < count; i++) {
			long responseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
			int score = Math.max(0, Math.min(10, nps + (i % 3) - 1));
			ResponseEvaluated event = new ResponseEvaluated(responseId, 987_654_322L, 1L, null, null, null, unitId,
					null, Channel.STORE, day.atTime(10, 0).atZone(ZONE).toInstant(), day, null, valueTier, "30-39",
					score, NpsClass.of(score), csat, csat >= 4, ces, Map.of(SemModule.FEEL, 60.0), 0.0, level, null,
					5.0, 5.0, Map.of("nps", (double) score, "csat", (double) csat, "ces", (double) ces));
			this.evaluations.publish(event);
		}
	}

	/** Waits until the rollup counted {@code expected} responses of the unit. */
	void awaitRolledUp(String unitCode, long expected) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
			Long counted = this.jdbc.sql("""
					select coalesce(sum(d.responses), 0) from analytics_daily d
					join org_unit u on u.id = d.unit_id where u.code = ?
					""").param(unitCode).query(Long.class).single();
			return counted == expected;
		});
	}

	static String unique(String prefix) {
		return Api.unique(prefix);
	}

}
