package org.opencxm.analytics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration {@code V29} turns the rating rows of one question each into rows of a group
 * of questions: every survey and question keeps its count, sum and sum of squares.
 */
class RatingRowsMigrationTests {

	@Test
	void everyQuestionKeepsItsSumsInTheRowsOfItsGroup() {
		DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:v29-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		migrate(dataSource, "28");
		JdbcClient jdbc = JdbcClient.create(dataSource);
		// Survey 1 asks 35 questions (three groups of 16), survey 2 three.
		Map<List<Object>, double[]> expected = new HashMap<>();
		int rows = 0;
		for (long survey : new long[] { 1, 2 }) {
			int questions = (survey == 1) ? 35 : 3;
			for (int q = 0; q < questions; q++) {
				for (int day = 0; day < 2; day++) {
					for (long unit = 1; unit <= 3; unit++) {
						long n = 1 + (q + day + unit) % 4;
						double total = n * (q % 7 + 0.5);
						double squares = total * (q % 7 + 0.5) + day;
						jdbc.sql("""
								insert into analytics_rating_daily (local_day, survey_id, question_code, touchpoint_id,
									unit_id, n, total, sum_sq) values (?, ?, ?, ?, ?, ?, ?, ?)
								""")
							.params(Date.valueOf(LocalDate.of(2026, 3, 1).plusDays(day)), survey, "q" + q, 7L, unit, n,
									total, squares)
							.update();
						rows++;
						double[] sums = expected.computeIfAbsent(List.of(survey, "q" + q), (k) -> new double[3]);
						sums[0] += n;
						sums[1] += total;
						sums[2] += squares;
					}
				}
			}
		}
		assertThat(rows).isEqualTo(228);

		migrate(dataSource, "29");

		RatingSlots slots = new RatingSlots(jdbc);
		expected.forEach((key, sums) -> {
			List<RatingSlots.Slot> found = slots.find((String) key.get(1), List.of((Long) key.get(0)));
			assertThat(found).hasSize(1);
			Map<String, Object> row = jdbc
				.sql("select " + RatingSlots.sums(found, "") + " from analytics_rating_daily where "
						+ RatingSlots.condition(found))
				.query()
				.singleRow();
			Moments moments = Totals.rating(row, "");
			assertThat(new double[] { moments.count(), moments.sum(), moments.sumOfSquares() }).as(key.toString())
				.containsExactly(sums);
		});
		// 2 days × 3 units a group: survey 1 in 3 groups, survey 2 in 1.
		assertThat(jdbc.sql("select count(*) from analytics_rating_daily").query(Long.class).single()).isEqualTo(24);
		assertThat(jdbc.sql("select max(slot) from analytics_rating_slot where survey_id = 1")
			.query(Integer.class)
			.single()).isEqualTo(34);
	}

	private static void migrate(DataSource dataSource, String version) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.outOfOrder(true)
			.target(version)
			.load()
			.migrate();
	}

}
