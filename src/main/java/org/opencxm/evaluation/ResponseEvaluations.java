package org.opencxm.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.AgeBand;
import org.opencxm.customers.CustomerRef;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.Channel;
import org.opencxm.org.OrgScope;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnits;
import org.opencxm.org.VisibleUnits;
import org.opencxm.shared.IdBatch;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SemModule;
import org.opencxm.shared.SqlTime;
import org.opencxm.surveys.Answer;
import org.opencxm.surveys.ResponseRecorded;
import org.opencxm.surveys.ResponsesRecorded;
import org.opencxm.surveys.Responses;
import org.opencxm.surveys.SurveyResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates every recorded response once, stores what it means and publishes
 * {@link ResponseEvaluated}. The stored evaluations are the replayable source for
 * aggregates.
 */
@Service
public class ResponseEvaluations {

	private static final String INSERT = """
			insert into response_evaluation (response_id, survey_id, survey_version_id, customer_id, touchpoint_id,
				stage_id, unit_id, staff_id, channel, submitted_at, local_day, lifecycle_class, value_tier, age_band,
				nps, nps_class, csat, csat_top_two_box, ces, sem_sense, sem_feel, sem_think, sem_act, sem_relate,
				mean_gap, experience_level, severity, expectation_basis, intensity_evidence, participation_evidence,
				intensity, participation, scores, evaluated_at)
			values (:response, :survey, :version, :customer, :touchpoint, :stage, :unit, :staff, :channel, :submitted,
				:day, :lifecycle, :tier, :age, :nps, :npsClass, :csat, :top2, :ces, :sense, :feel, :think, :act,
				:relate, :gap, :level, :severity, :basis, :intensityEvidence, :participationEvidence, :intensity,
				:participation, :scores, :now)
			""";

	private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Responses responses;

	private final Customers customers;

	private final OrgUnits units;

	private final OrgScope scope;

	private final ApplicationEventPublisher events;

	private final ExperienceEvaluator evaluator;

	private final JsonMapper json;

	private final Clock clock;

	private final ZoneId defaultZone;

	ResponseEvaluations(JdbcClient jdbc, JdbcTemplate template, Responses responses, Customers customers,
			OrgUnits units, OrgScope scope, ApplicationEventPublisher events, EvaluationProperties properties,
			JsonMapper json, Clock clock, @Value("${opencxm.default-time-zone:Asia/Shanghai}") String defaultZone) {
		this.jdbc = jdbc;
		this.template = template;
		this.responses = responses;
		this.customers = customers;
		this.units = units;
		this.scope = scope;
		this.events = events;
		this.evaluator = new ExperienceEvaluator(properties);
		this.json = json;
		this.clock = clock;
		this.defaultZone = ZoneId.of(defaultZone);
	}

	@ApplicationModuleListener
	void on(ResponseRecorded recorded) {
		this.scope.runAsSystem(() -> evaluate(recorded.responseId()));
	}

	@ApplicationModuleListener
	void on(ResponsesRecorded recorded) {
		this.scope
			.runAsSystem(() -> evaluateAll(recorded.responses().stream().map(ResponseRecorded::responseId).toList()));
	}

	/**
	 * Evaluates complete responses in one go (each once: those evaluated before are left
	 * out), stores the evaluations in a batch and publishes one
	 * {@link ResponsesEvaluated} for the new ones.
	 */
	@Transactional
	public List<ResponseEvaluated> evaluateAll(Collection<Long> responseIds) {
		Set<Long> todo = new TreeSet<>(responseIds);
		List<Long> ids = List.copyOf(todo);
		for (int from = 0; from < ids.size(); from += 1000) {
			IdBatch batch = IdBatch.of(ids.subList(from, Math.min(ids.size(), from + 1000)));
			this.template
				.queryForList("select response_id from response_evaluation where " + batch.condition("response_id"),
						Long.class, batch.args())
				.forEach(todo::remove);
		}
		List<SurveyResponse> responses = this.responses.getAll(todo)
			.stream()
			.filter((response) -> response.submittedAt() != null)
			.toList();
		Map<Long, CustomerRef> customers = this.customers.refs(responses.stream()
			.map(SurveyResponse::customerId)
			.filter(java.util.Objects::nonNull)
			.map(java.util.Objects::requireNonNull)
			.toList());
		Map<Long, ZoneId> zones = new HashMap<>();
		List<ResponseEvaluated> evaluated = new ArrayList<>(responses.size());
		List<SqlParameterSource> rows = new ArrayList<>(responses.size());
		for (SurveyResponse response : responses) {
			Scores scores = scores(response);
			ResponseEvaluation evaluation = this.evaluator.evaluate(scores.input());
			CustomerRef customer = (response.customerId() != null) ? customers.get(response.customerId()) : null;
			ZoneId zone = (response.unitId() != null) ? zones.computeIfAbsent(response.unitId(), this::zone)
					: this.defaultZone;
			ResponseEvaluated one = evaluated(response, java.util.Objects.requireNonNull(response.submittedAt()),
					scores, evaluation, customer, zone);
			evaluated.add(one);
			rows.add(new MapSqlParameterSource(row(one, evaluation.experience())));
		}
		if (!rows.isEmpty()) {
			new NamedParameterJdbcTemplate(this.template).batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
			this.events
				.publishEvent(new ResponsesEvaluated(evaluated.stream().map(ResponseEvaluated::responseId).toList()));
		}
		return evaluated;
	}

	/**
	 * Evaluates a complete response (once: a second call answers the stored evaluation).
	 */
	@Transactional
	public Optional<ResponseEvaluated> evaluate(long responseId) {
		Optional<ResponseEvaluated> stored = stored(responseId);
		if (stored.isPresent()) {
			return stored;
		}
		SurveyResponse response = this.responses.get(responseId);
		if (response.submittedAt() == null) {
			return Optional.empty();
		}
		Scores scores = scores(response);
		ResponseEvaluation evaluation = this.evaluator.evaluate(scores.input());
		CustomerRef customer = (response.customerId() != null) ? this.customers.ref(response.customerId()).orElse(null)
				: null;
		ResponseEvaluated evaluated = evaluated(response, response.submittedAt(), scores, evaluation, customer,
				zone(response.unitId()));
		insert(evaluated, evaluation.experience());
		this.events.publishEvent(evaluated);
		return Optional.of(evaluated);
	}

	/**
	 * The stored evaluations of these responses, in response order, whoever asks (for
	 * listeners of {@link ResponsesEvaluated}).
	 */
	public List<ResponseEvaluated> getAll(Collection<Long> responseIds) {
		List<Long> ids = List.copyOf(new TreeSet<>(responseIds));
		List<ResponseEvaluated> found = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += 1000) {
			IdBatch batch = IdBatch.of(ids.subList(from, Math.min(ids.size(), from + 1000)));
			this.template.query("select * from response_evaluation where " + batch.condition("response_id")
					+ " order by response_id", (ResultSet rs) -> {
						if (batch.contains(rs.getLong("response_id"))) {
							found.add(map(rs));
						}
					}, batch.args());
		}
		return found;
	}

	/**
	 * The evaluation of a response the caller may see.
	 */
	public ResponseEvaluated get(long responseId) {
		VisibleUnits visible = this.scope.visibleUnits();
		return stored(responseId).filter((evaluation) -> visible.contains(evaluation.unitId()))
			.orElseThrow(() -> new NotFoundException("evaluation of response", responseId));
	}

	/**
	 * Replays every stored evaluation in response order, without loading them all at
	 * once.
	 */
	public void forEach(Consumer<ResponseEvaluated> each) {
		this.template.query((connection) -> {
			var statement = connection.prepareStatement("select * from response_evaluation order by response_id");
			statement.setFetchSize(1000);
			return statement;
		}, (ResultSet rs) -> each.accept(map(rs)));
	}

	/**
	 * Replays every stored evaluation a local day at a time, in day order (within a day
	 * in response order), never holding more than one day's evaluations.
	 */
	public void forEachDay(Consumer<List<ResponseEvaluated>> each) {
		List<LocalDate> days = this.jdbc.sql("select distinct local_day from response_evaluation order by local_day")
			.query(LocalDate.class)
			.list();
		for (LocalDate day : days) {
			each.accept(this.jdbc.sql("select * from response_evaluation where local_day = :day order by response_id")
				.param("day", day)
				.query((rs, row) -> map(rs))
				.list());
		}
	}

	/**
	 * The customer's experience score over its recent responses, older ones counting
	 * less.
	 */
	public Optional<CustomerExperienceScore> customerScore(long customerId) {
		List<DatedExperience> history = this.jdbc.sql("""
				select submitted_at, experience_level, severity, expectation_basis, intensity_evidence,
					participation_evidence
				from response_evaluation where customer_id = :customer and experience_level is not null
				""")
			.param("customer", customerId)
			.query((rs, row) -> new DatedExperience(SqlTime.requiredInstant(rs, "submitted_at"),
					new ExperienceAssessment(ExperienceLevel.valueOf(rs.getString("experience_level")),
							enumOrNull(NegativeSeverity.class, rs.getString("severity")),
							ExpectationBasis.valueOf(rs.getString("expectation_basis")),
							Evidence.valueOf(rs.getString("intensity_evidence")),
							Evidence.valueOf(rs.getString("participation_evidence")))))
			.list();
		return this.evaluator.customerScore(history, this.clock.instant());
	}

	private static ResponseEvaluated evaluated(SurveyResponse response, Instant submittedAt, Scores scores,
			ResponseEvaluation evaluation, @Nullable CustomerRef customer, ZoneId zone) {
		ExperienceAssessment experience = evaluation.experience();
		LocalDate day = submittedAt.atZone(zone).toLocalDate();
		Integer birthYear = (customer != null) ? customer.birthYear() : null;
		return new ResponseEvaluated(response.id(), response.surveyId(), response.surveyVersionId(),
				response.customerId(), response.touchpointId(), response.stageId(), response.unitId(),
				response.staffId(), response.channel(), submittedAt, day,
				(customer != null) ? customer.lifecycleClass() : null,
				(customer != null && customer.valueTier() != null) ? customer.valueTier().name() : null,
				AgeBand.of(birthYear, day).name(), scores.input().likelihoodToRecommend(), evaluation.npsClass(),
				scores.input().satisfaction(), evaluation.csatTopTwoBox(), scores.ces(), evaluation.semScores(),
				evaluation.meanExpectationGap(), (experience != null) ? experience.level() : null,
				(experience != null) ? experience.severity() : null, scores.input().stimulusIntensity(),
				scores.input().participation(), scores.all());
	}

	/**
	 * The evaluation rules' input from a response's answers. CES is asked as ease (7 =
	 * very easy); the rules read effort, so it is turned around (effort = 8 − ease).
	 */
	static Scores scores(SurveyResponse response) {
		Integer nps = null;
		Integer csat = null;
		Integer ces = null;
		Double intensity = null;
		Double participation = null;
		Map<SemModule, List<Double>> sem = new EnumMap<>(SemModule.class);
		List<ExpectationItem> gaps = new ArrayList<>();
		Map<String, Double> all = new LinkedHashMap<>();
		for (Answer answer : response.answers()) {
			switch (answer) {
				case Answer.Score score -> {
					all.put(score.questionCode(), (double) score.value());
					switch (score.type()) {
						case NPS -> nps = (nps != null) ? nps : score.value();
						case CSAT -> csat = (csat != null) ? csat : score.value();
						case CES -> ces = (ces != null) ? ces : score.value();
						case SEM -> {
							if (score.semModule() != null) {
								sem.computeIfAbsent(score.semModule(), (m) -> new ArrayList<>())
									.add((double) score.value());
							}
						}
						case INTENSITY -> intensity = (intensity != null) ? intensity : score.value();
						case PARTICIPATION -> participation = (participation != null) ? participation : score.value();
						default -> {
						}
					}
				}
				case Answer.Gap gap -> {
					all.put(gap.questionCode() + ".gap", (double) gap.gap());
					gaps.add(new ExpectationItem(gap.attribute(), gap.expectation(), gap.perception()));
				}
				case Answer.Choice choice -> {
				}
				case Answer.Text text -> {
				}
			}
		}
		ResponseScores input = new ResponseScores(nps, csat, (ces != null) ? 8 - ces : null, sem, gaps, intensity,
				participation);
		return new Scores(input, ces, all);
	}

	record Scores(ResponseScores input, @Nullable Integer ces, Map<String, Double> all) {
	}

	private ZoneId zone(@Nullable Long unitId) {
		if (unitId == null) {
			return this.defaultZone;
		}
		return this.units.findById(unitId).map(OrgUnit::timeZone).map(ZoneId::of).orElse(this.defaultZone);
	}

	private Optional<ResponseEvaluated> stored(long responseId) {
		return this.jdbc.sql("select * from response_evaluation where response_id = :id")
			.param("id", responseId)
			.query((rs, row) -> map(rs))
			.optional();
	}

	void insert(ResponseEvaluated e, @Nullable ExperienceAssessment experience) {
		this.jdbc.sql(INSERT).params(row(e, experience)).update();
	}

	private Map<String, @Nullable Object> row(ResponseEvaluated e, @Nullable ExperienceAssessment experience) {
		Map<String, @Nullable Object> row = new HashMap<>();
		row.put("response", e.responseId());
		row.put("survey", e.surveyId());
		row.put("version", e.surveyVersionId());
		row.put("customer", e.customerId());
		row.put("touchpoint", e.touchpointId());
		row.put("stage", e.stageId());
		row.put("unit", e.unitId());
		row.put("staff", e.staffId());
		row.put("channel", (e.channel() != null) ? e.channel().name() : null);
		row.put("submitted", SqlTime.of(e.submittedAt()));
		row.put("day", e.localDay());
		row.put("lifecycle", e.lifecycleClass());
		row.put("tier", e.valueTier());
		row.put("age", e.ageBand());
		row.put("nps", e.nps());
		row.put("npsClass", (e.npsClass() != null) ? e.npsClass().name() : null);
		row.put("csat", e.csat());
		row.put("top2", e.csatTopTwoBox());
		row.put("ces", e.ces());
		row.put("sense", e.semScores().get(SemModule.SENSE));
		row.put("feel", e.semScores().get(SemModule.FEEL));
		row.put("think", e.semScores().get(SemModule.THINK));
		row.put("act", e.semScores().get(SemModule.ACT));
		row.put("relate", e.semScores().get(SemModule.RELATE));
		row.put("gap", e.meanExpectationGap());
		row.put("level", (e.experienceLevel() != null) ? e.experienceLevel().name() : null);
		row.put("severity", (e.severity() != null) ? e.severity().name() : null);
		row.put("basis", (experience != null) ? experience.basis().name() : null);
		row.put("intensityEvidence", (experience != null) ? experience.intensity().name() : null);
		row.put("participationEvidence", (experience != null) ? experience.participation().name() : null);
		row.put("intensity", e.intensity());
		row.put("participation", e.participation());
		row.put("scores", this.json.writeValueAsString(e.scores()));
		row.put("now", SqlTime.of(this.clock.instant()));
		return row;
	}

	private ResponseEvaluated map(ResultSet rs) throws SQLException {
		Map<SemModule, Double> sem = new EnumMap<>(SemModule.class);
		for (SemModule module : SemModule.values()) {
			double value = rs.getDouble("sem_" + module.name().toLowerCase());
			if (!rs.wasNull()) {
				sem.put(module, value);
			}
		}
		return new ResponseEvaluated(rs.getLong("response_id"), rs.getLong("survey_id"),
				rs.getLong("survey_version_id"), nullableLong(rs, "customer_id"), nullableLong(rs, "touchpoint_id"),
				nullableLong(rs, "stage_id"), nullableLong(rs, "unit_id"), nullableLong(rs, "staff_id"),
				enumOrNull(Channel.class, rs.getString("channel")), SqlTime.requiredInstant(rs, "submitted_at"),
				rs.getObject("local_day", LocalDate.class), rs.getString("lifecycle_class"), rs.getString("value_tier"),
				rs.getString("age_band"), nullableInt(rs, "nps"), enumOrNull(NpsClass.class, rs.getString("nps_class")),
				nullableInt(rs, "csat"), nullableBoolean(rs, "csat_top_two_box"), nullableInt(rs, "ces"), sem,
				nullableDouble(rs, "mean_gap"), enumOrNull(ExperienceLevel.class, rs.getString("experience_level")),
				enumOrNull(NegativeSeverity.class, rs.getString("severity")), nullableDouble(rs, "intensity"),
				nullableDouble(rs, "participation"), this.json.readValue(rs.getString("scores"), SCORES));
	}

	private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

}
