package org.opencxm.interactions;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opencxm.shared.SqlDialect;
import org.opencxm.shared.SqlTime;
import org.opencxm.shared.SqlArrays;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each customer stands on each journey: the furthest stage reached (an earlier
 * stage never moves it back) and when each stage was first reached. Most contacts happen
 * at a stage the customer has reached before, so the current positions are read first and
 * only what changes is written.
 */
@Component
class JourneyProgress {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final String insertPosition;

	private final String insertReached;

	JourneyProgress(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.template = template;
		// PostgreSQL writers run side by side, so a row another transaction inserted
		// meanwhile is
		// merged; on the embedded database writers take turns and a plain insert is
		// enough.
		this.insertPosition = dialect.postgres() ? dialect.upsert("customer_journey",
				List.of("customer_id", "journey_id"),
				List.of("customer_id", "journey_id", "stage_id", "stage_position", "reached_at"),
				"stage_id = excluded.stage_id, stage_position = excluded.stage_position, reached_at = excluded.reached_at",
				"t.stage_position < excluded.stage_position")
				: "insert into customer_journey (customer_id, journey_id, stage_id, stage_position, reached_at) values (?, ?, ?, ?, ?)";
		this.insertReached = dialect.postgres()
				? dialect.upsert("customer_stage_reached", List.of("customer_id", "stage_id"),
						List.of("customer_id", "stage_id", "journey_id", "first_reached_at"),
						"first_reached_at = excluded.first_reached_at",
						"excluded.first_reached_at < t.first_reached_at")
				: "insert into customer_stage_reached (customer_id, stage_id, journey_id, first_reached_at) values (?, ?, ?, ?)";
	}

	/**
	 * One contact's step on a journey.
	 */
	record Step(long customerId, long journeyId, long stageId, int stagePosition, Instant at) {
	}

	void advance(Collection<Step> steps) {
		// Keys in order, so that concurrent transactions lock rows in the same order.
		Map<Key, Step> furthest = new TreeMap<>();
		Map<Key, Step> first = new TreeMap<>();
		for (Step step : steps) {
			furthest.merge(new Key(step.customerId(), step.journeyId()), step,
					(a, b) -> (b.stagePosition() > a.stagePosition()) ? b : a);
			first.merge(new Key(step.customerId(), step.stageId()), step, (a, b) -> b.at().isBefore(a.at()) ? b : a);
		}
		List<Long> customers = steps.stream().map(Step::customerId).distinct().toList();
		Map<Key, Integer> positions = new HashMap<>();
		Map<Key, Instant> reached = new HashMap<>();
		for (int from = 0; from < customers.size(); from += CHUNK) {
			List<Long> chunk = customers.subList(from, Math.min(customers.size(), from + CHUNK));
			this.jdbc.sql(
					"select customer_id, journey_id, stage_position from customer_journey where customer_id = any(:ids)")
				.param("ids", SqlArrays.ids(chunk))
				.query((rs, row) -> positions.put(new Key(rs.getLong(1), rs.getLong(2)), rs.getInt(3)))
				.list();
			this.jdbc
				.sql("""
						select customer_id, stage_id, first_reached_at from customer_stage_reached where customer_id = any(:ids)
						""")
				.param("ids", SqlArrays.ids(chunk))
				.query((rs, row) -> reached.put(new Key(rs.getLong(1), rs.getLong(2)),
						SqlTime.requiredInstant(rs, "first_reached_at")))
				.list();
		}
		List<Object[]> newPositions = new ArrayList<>();
		List<Object[]> advanced = new ArrayList<>();
		furthest.forEach((key, step) -> {
			Integer current = positions.get(key);
			if (current == null) {
				newPositions.add(new Object[] { step.customerId(), step.journeyId(), step.stageId(),
						step.stagePosition(), SqlTime.of(step.at()) });
			}
			else if (current < step.stagePosition()) {
				advanced.add(new Object[] { step.stageId(), step.stagePosition(), SqlTime.of(step.at()),
						step.customerId(), step.journeyId(), step.stagePosition() });
			}
		});
		List<Object[]> newReached = new ArrayList<>();
		List<Object[]> earlier = new ArrayList<>();
		first.forEach((key, step) -> {
			Instant current = reached.get(key);
			if (current == null) {
				newReached
					.add(new Object[] { step.customerId(), step.stageId(), step.journeyId(), SqlTime.of(step.at()) });
			}
			else if (step.at().isBefore(current)) {
				earlier.add(new Object[] { SqlTime.of(step.at()), step.customerId(), step.stageId(),
						SqlTime.of(step.at()) });
			}
		});
		write(this.insertPosition, newPositions, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.INTEGER,
				Types.TIMESTAMP_WITH_TIMEZONE);
		write("""
				update customer_journey set stage_id = ?, stage_position = ?, reached_at = ?
				where customer_id = ? and journey_id = ? and stage_position < ?
				""", advanced, Types.BIGINT, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.BIGINT,
				Types.INTEGER);
		write(this.insertReached, newReached, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE);
		write("""
				update customer_stage_reached set first_reached_at = ?
				where customer_id = ? and stage_id = ? and first_reached_at > ?
				""", earlier, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.BIGINT, Types.TIMESTAMP_WITH_TIMEZONE);
	}

	private void write(String sql, List<Object[]> rows, int... types) {
		if (!rows.isEmpty()) {
			this.template.batchUpdate(sql, rows, types);
		}
	}

	private record Key(long a, long b) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			int c = Long.compare(this.a, other.a);
			return (c != 0) ? c : Long.compare(this.b, other.b);
		}

	}

}
