package org.opencxm.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each numeric question's sums sit in the rating rows. A survey's questions are
 * numbered from 0 in the order the rollup first met them; question {@code k} is held in
 * the row of group {@code k / WIDTH}, in columns {@code n_c}, {@code sum_c} and
 * {@code sq_c} with {@code c = k % WIDTH}. A response to a survey of up to
 * {@value #WIDTH} numeric questions so adds to one rating row, not one row a question.
 */
@Component
class RatingSlots {

	/** The questions a rating row holds. */
	static final int WIDTH = 16;

	/** The measures of every slot of a rating row, in column order. */
	static final List<String> COLUMNS = Stream.of("n_", "sum_", "sq_")
		.flatMap((measure) -> IntStream.range(0, WIDTH).mapToObj((c) -> measure + c))
		.toList();

	private final JdbcClient jdbc;

	/** The numbers of the questions of the surveys read so far. */
	private final Map<Long, Map<String, Integer>> known = new HashMap<>();

	RatingSlots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The slot of a survey's question, numbered in the caller's transaction if it has
	 * none yet.
	 */
	synchronized Slot of(long surveyId, String question) {
		Map<String, Integer> numbers = this.known.computeIfAbsent(surveyId, this::read);
		Integer number = numbers.get(question);
		if (number == null) {
			number = this.jdbc.sql("select coalesce(max(slot) + 1, 0) from analytics_rating_slot where survey_id = ?")
				.param(surveyId)
				.query(Integer.class)
				.single();
			this.jdbc.sql("insert into analytics_rating_slot (survey_id, question_code, slot) values (?, ?, ?)")
				.params(surveyId, question, number)
				.update();
			numbers.put(question, number);
		}
		return new Slot(surveyId, question, number);
	}

	/**
	 * Forgets the numbers read or made so far: after a transaction that may have made
	 * some rolled back.
	 */
	synchronized void forget() {
		this.known.clear();
	}

	private Map<String, Integer> read(long surveyId) {
		Map<String, Integer> numbers = new HashMap<>();
		this.jdbc.sql("select question_code, slot from analytics_rating_slot where survey_id = ?")
			.param(surveyId)
			.query((rs, row) -> numbers.put(rs.getString(1), rs.getInt(2)))
			.list();
		return numbers;
	}

	/** The slots of the question in every survey that asked it, or in those given. */
	List<Slot> find(String question, @Nullable Collection<Long> surveys) {
		return select("question_code = :question", question, surveys);
	}

	/**
	 * The slots of every expectation gap (a question coded {@code <attribute>.gap}) in
	 * every survey, or in those given.
	 */
	List<Slot> gaps(@Nullable Collection<Long> surveys) {
		return select("question_code like :question", "%.gap", surveys);
	}

	private List<Slot> select(String condition, String question, @Nullable Collection<Long> surveys) {
		String sql = "select survey_id, question_code, slot from analytics_rating_slot where " + condition
				+ ((surveys != null) ? " and survey_id in (:surveys)" : "") + " order by survey_id, slot";
		var statement = this.jdbc.sql(sql).param("question", question);
		if (surveys != null) {
			statement = statement.param("surveys", surveys.isEmpty() ? List.of(-1L) : surveys);
		}
		return statement.query((rs, row) -> new Slot(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
	}

	/**
	 * The condition on rating rows that hold any of the slots.
	 */
	static String condition(List<Slot> slots) {
		if (slots.isEmpty()) {
			return "1 = 0";
		}
		return slots.stream().map(Slot::row).distinct().collect(Collectors.joining(" or ", "(", ")"));
	}

	/**
	 * The select list that adds up the slots' measures over the rows read, as one
	 * {@code n}, {@code total} and {@code sum_sq} (the names {@link Totals#readRating}
	 * reads), each column name followed by {@code suffix}.
	 */
	static String sums(List<Slot> slots, String suffix) {
		if (slots.isEmpty()) {
			return "cast(0 as bigint) as n" + suffix + ", cast(0 as double precision) as total" + suffix
					+ ", cast(0 as double precision) as sum_sq" + suffix;
		}
		List<String> sums = new ArrayList<>();
		for (String[] measure : new String[][] { { "n_", "n" }, { "sum_", "total" }, { "sq_", "sum_sq" } }) {
			StringBuilder pick = new StringBuilder("case");
			for (Slot slot : slots) {
				pick.append(" when ").append(slot.row()).append(" then ").append(measure[0]).append(slot.column());
			}
			pick.append(" else 0 end");
			String sum = "sum(" + pick + ")";
			sums.add(((measure[1].equals("n")) ? "cast(" + sum + " as bigint)" : sum) + " as " + measure[1] + suffix);
		}
		return String.join(", ", sums);
	}

	/** A question's place in the rating rows of its survey. */
	record Slot(long surveyId, String question, int number) {

		int group() {
			return this.number / WIDTH;
		}

		int column() {
			return this.number % WIDTH;
		}

		/** The condition on the rating rows that hold this slot. */
		String row() {
			return "survey_id = " + this.surveyId + " and slot_group = " + group();
		}

	}

}
