package org.opencxm.analytics;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.opencxm.evaluation.ExperienceLevel;
import org.opencxm.evaluation.NpsClass;
import org.opencxm.evaluation.ResponseEvaluated;
import org.opencxm.evaluation.ResponseEvaluations;
import org.opencxm.evaluation.ResponsesEvaluated;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.IdBatch;
import org.opencxm.shared.SemModule;
import org.opencxm.shared.SqlDialect;
import org.opencxm.surveys.Question;
import org.opencxm.surveys.QuestionType;
import org.opencxm.surveys.SurveyDefinition;
import org.opencxm.surveys.Surveys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls every evaluated response into the daily aggregates, once. A response is queued in
 * the transaction that stores its evaluation and rolled up by the next run of the queue,
 * in a batch with every other response queued meanwhile; its id is recorded in the same
 * transaction as its sums, so a second delivery changes nothing.
 */
@Component
public class Rollup {

	static final List<String> KEYS = List.of("local_day", "survey_id", "touchpoint_id", "stage_id", "unit_id",
			"channel", "lifecycle_class", "value_tier", "age_band");

	static final List<String> MEASURES = List.of("csat", "ces", "sense", "feel", "think", "act", "relate", "gap",
			"intensity", "participation");

	static final List<String> COUNTS;

	static {
		List<String> counts = new ArrayList<>(
				List.of("responses", "promoters", "passives", "detractors", "csat_top_two"));
		MEASURES.forEach((m) -> counts.addAll(List.of(m + "_n", m + "_sum", m + "_sq")));
		counts.addAll(List.of("level_negative", "level_none", "level_low", "level_medium", "level_high"));
		COUNTS = List.copyOf(counts);
	}

	/** Every table a rebuild recomputes. */
	static final List<String> TABLES = List.of("analytics_daily", "analytics_company_daily",
			"analytics_company_monthly", "analytics_rating_daily", "analytics_driver_daily", "aggregated_response");

	/** The question types answered with a score that may drive the NPS outcome. */
	private static final Set<QuestionType> SCORED = EnumSet.of(QuestionType.CSAT, QuestionType.CES, QuestionType.RATING,
			QuestionType.SEM, QuestionType.INTENSITY, QuestionType.PARTICIPATION);

	/** The most queued responses rolled up in one transaction. */
	private static final int BATCH = 1000;

	/**
	 * The most evaluations kept at hand for the next run (about 10 MB): a run every half
	 * second at a thousand responses a second needs a twentieth of it.
	 */
	private static final int RECENT_LIMIT = 10_000;

	private static final List<String> RATING_KEYS = List.of("local_day", "survey_id", "touchpoint_id", "unit_id",
			"slot_group");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final Surveys surveys;

	private final ResponseEvaluations evaluations;

	private final OrgScope scope;

	private final RatingSlots slots;

	private final String daily;

	private final String rating;

	private final String companyDaily;

	private final String companyMonthly;

	private final String seen;

	private final String driverSeed;

	private final String queue;

	private final String queued;

	/**
	 * On the embedded database, writers take turns within this node: H2's upserts stall
	 * behind another transaction's uncommitted row of the same key.
	 */
	private final @Nullable ReentrantLock embeddedWrites;

	/** Evaluations committed since the last run, by response. */
	private final Map<Long, ResponseEvaluated> recent = new ConcurrentHashMap<>();

	/**
	 * Off only to measure what the live aggregation costs ingestion: responses then stay
	 * out of the aggregates until a rebuild.
	 */
	private final boolean live;

	Rollup(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Surveys surveys,
			ResponseEvaluations evaluations, OrgScope scope, RatingSlots slots, SqlDialect dialect,
			@Value("${opencxm.analytics.live-rollup:true}") boolean live) {
		this.live = live;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.surveys = surveys;
		this.evaluations = evaluations;
		this.scope = scope;
		this.slots = slots;
		List<String> columns = new ArrayList<>(KEYS);
		columns.addAll(COUNTS);
		this.daily = dialect.upsert("analytics_daily", KEYS, columns, adding(COUNTS), null);
		this.companyDaily = companyUpsert("analytics_company_daily", "local_day", dialect);
		this.companyMonthly = companyUpsert("analytics_company_monthly", "month_start", dialect);
		List<String> ratingColumns = new ArrayList<>(RATING_KEYS);
		ratingColumns.addAll(RatingSlots.COLUMNS);
		this.rating = dialect.upsert("analytics_rating_daily", RATING_KEYS, ratingColumns, adding(RatingSlots.COLUMNS),
				null);
		this.seen = dialect.upsert("aggregated_response", List.of("response_id"), List.of("response_id"), null, null);
		this.driverSeed = dialect.upsert("analytics_driver_daily", List.of("local_day", "survey_id", "drivers"),
				List.of("local_day", "survey_id", "drivers", "n", "sums", "products"), null, null);
		this.queue = dialect.upsert("analytics_queue", List.of("response_id"), List.of("response_id"), null, null);
		// Nodes sharing a PostgreSQL database each take queued responses no other holds.
		this.queued = "select response_id from analytics_queue order by response_id limit ?"
				+ (dialect.postgres() ? " for update skip locked" : "");
		this.embeddedWrites = dialect.postgres() ? null : new ReentrantLock();
	}

	private static String companyUpsert(String table, String period, SqlDialect dialect) {
		List<String> keys = List.of(period, "survey_id", "touchpoint_id", "stage_id", "channel");
		List<String> columns = new ArrayList<>(keys);
		columns.addAll(COUNTS);
		return dialect.upsert(table, keys, columns, adding(COUNTS), null);
	}

	private static String adding(List<String> columns) {
		return columns.stream().map((c) -> c + " = t." + c + " + excluded." + c).collect(Collectors.joining(", "));
	}

	/**
	 * Queues an evaluated response for the aggregates in the transaction that stored its
	 * evaluation: once that commits, the response is certain to be rolled up.
	 */
	@EventListener
	void on(ResponseEvaluated event) {
		if (!this.live) {
			return;
		}
		this.jdbc.sql(this.queue).params(event.responseId()).update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					remember(event);
				}
			});
		}
		else {
			remember(event);
		}
	}

	/**
	 * Keeps a committed evaluation at hand for the next run, which then need not read it
	 * back; the queue, not this, is what makes sure it is rolled up.
	 */
	private void remember(ResponseEvaluated event) {
		if (this.recent.size() >= RECENT_LIMIT) {
			// Left by responses another node rolled up, or a backlog: read them back.
			this.recent.clear();
		}
		this.recent.put(event.responseId(), event);
	}

	/** Queues a batch of evaluated responses, as {@link #on(ResponseEvaluated)}. */
	@EventListener
	void on(ResponsesEvaluated batch) {
		if (this.live) {
			this.template.batchUpdate(this.queue,
					batch.responseIds().stream().map((id) -> new Object[] { id }).toList());
		}
	}

	/**
	 * Rolls the queued responses up, a thousand at a time, each batch in one transaction
	 * with the removal of its queue entries: the rows of a batch that share a key are
	 * summed first, so each aggregate row is written once per batch, however many
	 * responses arrived since the last run.
	 */
	@Scheduled(fixedDelayString = "${opencxm.analytics.rollup-interval:PT0.5S}",
			initialDelayString = "${opencxm.analytics.rollup-interval:PT0.5S}")
	void rollUpQueued() {
		int rolled;
		do {
			rolled = writing(() -> this.transactions
				.execute((status) -> rollUp(this.jdbc.sql(this.queued).params(BATCH).query(Long.class).list())));
		}
		while (rolled == BATCH);
	}

	/** How many evaluated responses wait to be added to the aggregates. */
	public long queued() {
		return this.jdbc.sql("select count(*) from analytics_queue").query(Long.class).single();
	}

	private int rollUp(List<Long> responseIds) {
		if (responseIds.isEmpty()) {
			return 0;
		}
		List<ResponseEvaluated> evaluations = new ArrayList<>(responseIds.size());
		List<Long> unknown = new ArrayList<>();
		for (Long id : responseIds) {
			ResponseEvaluated known = this.recent.remove(id);
			if (known != null) {
				evaluations.add(known);
			}
			else {
				unknown.add(id);
			}
		}
		if (!unknown.isEmpty()) {
			evaluations.addAll(this.evaluations.getAll(unknown));
		}
		Map<Long, List<String>> drivers = this.scope.asSystem(() -> drivers(evaluations));
		addAll(evaluations, drivers);
		IdBatch batch = IdBatch.of(responseIds);
		this.template.update("delete from analytics_queue where " + batch.condition("response_id"), batch.args());
		return responseIds.size();
	}

	/**
	 * Recomputes every aggregate from the stored evaluations, in one transaction, a day
	 * at a time: the rows of a day are summed in memory and each written once, the
	 * monthly rows at the end.
	 */
	int rebuild() {
		this.scope.requireRole(Role.ADMIN);
		return writing(() -> this.transactions.execute((status) -> {
			int[] count = { 0 };
			for (String table : TABLES) {
				this.jdbc.sql("delete from " + table).update();
			}
			Sums sums = new Sums();
			this.evaluations.forEachDay((day) -> {
				this.template.batchUpdate(this.seen,
						day.stream().map((event) -> new Object[] { event.responseId() }).toList());
				Map<Long, List<String>> drivers = drivers(day);
				day.forEach((event) -> sums.add(event, drivers.get(event.responseId())));
				sums.writeDays();
				count[0] += day.size();
			});
			sums.writeMonths();
			return count[0];
		}));
	}

	/**
	 * Runs the work, alone on the embedded database; after a failure, forgets the rating
	 * slots its rolled-back transaction may have numbered.
	 */
	private <T> T writing(Supplier<T> work) {
		if (this.embeddedWrites != null) {
			this.embeddedWrites.lock();
		}
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			this.slots.forget();
			throw ex;
		}
		finally {
			if (this.embeddedWrites != null) {
				this.embeddedWrites.unlock();
			}
		}
	}

	/**
	 * The drivers of a key-driver analysis by response: its score answers other than the
	 * NPS outcome, in code order; none when there is no NPS outcome.
	 */
	private Map<Long, List<String>> drivers(List<ResponseEvaluated> events) {
		Map<Long, List<String>> candidates = new HashMap<>();
		Map<Long, List<String>> drivers = new HashMap<>();
		for (ResponseEvaluated event : events) {
			if (event.nps() == null) {
				continue;
			}
			List<String> codes = candidates.computeIfAbsent(event.surveyVersionId(), this::driverQuestions)
				.stream()
				.filter(event.scores()::containsKey)
				.limit(CrossProducts.MAX_DRIVERS)
				.toList();
			if (!codes.isEmpty()) {
				drivers.put(event.responseId(), codes);
			}
		}
		return drivers;
	}

	/** The codes of a version's score questions other than NPS, in code order. */
	private List<String> driverQuestions(long versionId) {
		return this.surveys.definition(versionId)
			.map(SurveyDefinition::questions)
			.orElse(List.of())
			.stream()
			.filter((question) -> SCORED.contains(question.type()))
			.map(Question::code)
			.sorted()
			.toList();
	}

	private void addAll(List<ResponseEvaluated> events, Map<Long, List<String>> drivers) {
		IdBatch batch = IdBatch.of(events.stream().map(ResponseEvaluated::responseId).toList());
		Set<Long> seenBefore = new HashSet<>(this.template.queryForList(
				"select response_id from aggregated_response where " + batch.condition("response_id"), Long.class,
				batch.args()));
		List<ResponseEvaluated> fresh = events.stream()
			.filter((event) -> !seenBefore.contains(event.responseId()))
			.toList();
		if (fresh.isEmpty()) {
			return;
		}
		int[] inserted = this.template.batchUpdate(this.seen,
				fresh.stream().map((event) -> new Object[] { event.responseId() }).toList());
		Sums sums = new Sums();
		for (int i = 0; i < fresh.size(); i++) {
			// Unless another node rolled this response up between the check and the
			// insert.
			if (inserted[i] != 0) {
				sums.add(fresh.get(i), drivers.get(fresh.get(i).responseId()));
			}
		}
		sums.writeDays();
		sums.writeMonths();
	}

	/**
	 * The sums a set of responses adds to each aggregate row, each row's sums collected
	 * before it is written once.
	 */
	private final class Sums {

		// Rows in key order: concurrent batches on PostgreSQL then lock shared
		// rows in the same order and cannot deadlock.
		private final Map<List<Object>, RowSums> daily = new TreeMap<>(KEY_ORDER);

		private final Map<List<Object>, RowSums> companyDaily = new TreeMap<>(KEY_ORDER);

		private final Map<List<Object>, RowSums> companyMonthly = new TreeMap<>(KEY_ORDER);

		private final Map<List<Object>, double[]> ratings = new TreeMap<>(KEY_ORDER);

		private final Map<List<Object>, CrossProducts.Accumulator> drivers = new TreeMap<>(KEY_ORDER);

		void add(ResponseEvaluated event, @Nullable List<String> codes) {
			Date day = Date.valueOf(event.localDay());
			long touchpoint = zeroIfNull(event.touchpointId());
			long unit = zeroIfNull(event.unitId());
			List<Object> key = List.of(day, event.surveyId(), touchpoint, zeroIfNull(event.stageId()), unit,
					(event.channel() != null) ? event.channel().name() : "", blankIfNull(event.lifecycleClass()),
					blankIfNull(event.valueTier()), event.ageBand());
			List<Object> values = counts(event);
			this.daily.computeIfAbsent(key, (k) -> new RowSums()).add(values);
			this.companyDaily.computeIfAbsent(companyKey(day, event), (k) -> new RowSums()).add(values);
			this.companyMonthly.computeIfAbsent(companyKey(monthStart(event), event), (k) -> new RowSums()).add(values);
			event.scores().forEach((code, given) -> {
				double score = exact(given);
				RatingSlots.Slot slot = Rollup.this.slots.of(event.surveyId(), code);
				double[] rating = this.ratings.computeIfAbsent(
						List.of(day, event.surveyId(), touchpoint, unit, slot.group()),
						(k) -> new double[RatingSlots.COLUMNS.size()]);
				rating[slot.column()]++;
				rating[RatingSlots.WIDTH + slot.column()] += score;
				rating[2 * RatingSlots.WIDTH + slot.column()] += score * score;
			});
			double[] scores = (codes != null && event.nps() != null) ? driverScores(event, codes) : null;
			if (scores != null) {
				this.drivers
					.computeIfAbsent(List.of(day, event.surveyId(), String.join(",", codes)),
							(k) -> CrossProducts.accumulator(codes.size()))
					.add(scores, event.nps());
			}
		}

		/** Writes and forgets the sums of the rows of a day. */
		void writeDays() {
			Rollup.this.template.batchUpdate(Rollup.this.daily, rows(this.daily));
			Rollup.this.template.batchUpdate(Rollup.this.companyDaily, rows(this.companyDaily));
			List<Object[]> ratingRows = new ArrayList<>(this.ratings.size());
			this.ratings.forEach((key, rating) -> {
				List<Object> row = new ArrayList<>(key);
				for (int i = 0; i < rating.length; i++) {
					row.add((i < RatingSlots.WIDTH) ? (Object) (long) rating[i] : (Object) rating[i]);
				}
				ratingRows.add(row.toArray());
			});
			Rollup.this.template.batchUpdate(Rollup.this.rating, ratingRows);
			this.drivers.forEach((key, sums) -> addDrivers((Date) key.get(0), (Long) key.get(1), (String) key.get(2),
					sums.toCrossProducts()));
			this.daily.clear();
			this.companyDaily.clear();
			this.ratings.clear();
			this.drivers.clear();
		}

		/** Writes and forgets the sums of the monthly rows. */
		void writeMonths() {
			Rollup.this.template.batchUpdate(Rollup.this.companyMonthly, rows(this.companyMonthly));
			this.companyMonthly.clear();
		}

	}

	/** Aggregate keys compared value by value (dates, ids and codes). */
	@SuppressWarnings("unchecked")
	private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int order = ((Comparable<Object>) a.get(i)).compareTo(b.get(i));
			if (order != 0) {
				return order;
			}
		}
		return Integer.compare(a.size(), b.size());
	};

	/** The key of the company-wide rows: no unit, no segment. */
	private static List<Object> companyKey(Date period, ResponseEvaluated event) {
		return List.of(period, event.surveyId(), zeroIfNull(event.touchpointId()), zeroIfNull(event.stageId()),
				(event.channel() != null) ? event.channel().name() : "");
	}

	private static Date monthStart(ResponseEvaluated event) {
		return Date.valueOf(event.localDay().withDayOfMonth(1));
	}

	private static List<Object[]> rows(Map<List<Object>, RowSums> sums) {
		List<Object[]> rows = new ArrayList<>(sums.size());
		sums.forEach((key, row) -> {
			List<Object> values = new ArrayList<>(key);
			values.addAll(row.values());
			rows.add(values.toArray());
		});
		return rows;
	}

	/**
	 * The counts and sums one response adds to its daily row, in the order of
	 * {@link #COUNTS}: counts as longs, sums as doubles.
	 */
	private static List<Object> counts(ResponseEvaluated event) {
		List<Object> values = new ArrayList<>(COUNTS.size());
		values.add(1L);
		values.add(one(event.npsClass() == NpsClass.PROMOTER));
		values.add(one(event.npsClass() == NpsClass.PASSIVE));
		values.add(one(event.npsClass() == NpsClass.DETRACTOR));
		values.add(one(Boolean.TRUE.equals(event.csatTopTwoBox())));
		for (String measure : MEASURES) {
			Double value = exact(measure(event, measure));
			values.add(one(value != null));
			values.add((value != null) ? value : 0.0);
			values.add((value != null) ? value * value : 0.0);
		}
		for (ExperienceLevel level : ExperienceLevel.values()) {
			values.add(one(event.experienceLevel() == level));
		}
		return values;
	}

	private static double @Nullable [] driverScores(ResponseEvaluated event, List<String> drivers) {
		double[] scores = new double[drivers.size()];
		for (int i = 0; i < scores.length; i++) {
			Double score = event.scores().get(drivers.get(i));
			if (score == null) {
				return null;
			}
			scores[i] = exact(score);
		}
		return scores;
	}

	private void addDrivers(Date day, long surveyId, String codes, CrossProducts products) {
		CrossProducts empty = CrossProducts.empty(codes.split(",").length);
		this.jdbc.sql(this.driverSeed)
			.params(day, surveyId, codes, 0L, text(empty.sums()), text(empty.products()))
			.update();
		CrossProducts stored = this.jdbc.sql("""
				select n, sums, products from analytics_driver_daily
				where local_day = ? and survey_id = ? and drivers = ? for update
				""")
			.params(day, surveyId, codes)
			.query((rs, row) -> CrossProducts.of(rs.getLong("n"), numbers(rs.getString("sums")),
					numbers(rs.getString("products"))))
			.single();
		CrossProducts added = stored.merge(products);
		this.jdbc.sql("""
				update analytics_driver_daily set n = ?, sums = ?, products = ?
				where local_day = ? and survey_id = ? and drivers = ?
				""").params(added.count(), text(added.sums()), text(added.products()), day, surveyId, codes).update();
	}

	/**
	 * The value as a multiple of 1/1024 (a change of at most 0.0005 on any scale), so
	 * that every sum, square and cross-product the aggregates hold is exact in a double:
	 * a thousandth-of-a-point rounding buys sums that do not depend on the order
	 * responses were added in, which is what makes a rebuild equal the incremental
	 * aggregates exactly. Exact while a daily row's sum of squares stays under 2^33 (over
	 * 800,000 responses a day in one row on a 0–100 scale).
	 */
	static @Nullable Double exact(@Nullable Double value) {
		return (value != null) ? exact(value.doubleValue()) : null;
	}

	static double exact(double value) {
		return Math.rint(value * 1024) / 1024;
	}

	private static @Nullable Double measure(ResponseEvaluated event, String measure) {
		return switch (measure) {
			case "csat" -> (event.csat() != null) ? event.csat().doubleValue() : null;
			case "ces" -> (event.ces() != null) ? event.ces().doubleValue() : null;
			case "gap" -> event.meanExpectationGap();
			case "intensity" -> event.intensity();
			case "participation" -> event.participation();
			default -> event.semScores().get(SemModule.valueOf(measure.toUpperCase(java.util.Locale.ROOT)));
		};
	}

	static String text(double[] numbers) {
		return Arrays.stream(numbers).mapToObj(Double::toString).collect(Collectors.joining(" "));
	}

	static double[] numbers(String text) {
		return text.isBlank() ? new double[0]
				: Arrays.stream(text.split(" ")).mapToDouble(Double::parseDouble).toArray();
	}

	private static long one(boolean yes) {
		return yes ? 1L : 0L;
	}

	private static long zeroIfNull(@Nullable Long id) {
		return (id != null) ? id : 0L;
	}

	private static String blankIfNull(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
