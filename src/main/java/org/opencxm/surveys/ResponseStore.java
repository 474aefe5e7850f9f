package org.opencxm.surveys;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.Channel;
import org.opencxm.shared.IdBatch;
import org.opencxm.shared.LanguageTag;
import org.opencxm.shared.SemModule;
import org.opencxm.shared.SqlTime;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of responses and their answers.
 */
@Repository
class ResponseStore {

	static final String COLUMNS = """
			r.id, r.survey_id, s.code as survey_code, r.survey_version_id, v.version, r.status, r.source, r.customer_id,
			r.invitation_id, r.public_link_id, r.interaction_id, r.touchpoint_id, r.stage_id, r.unit_id, r.staff_id,
			r.channel, r.language, r.submitted_at
			""";

	static final String FROM = """
			from survey_response r join survey s on s.id = r.survey_id join survey_version v on v.id = r.survey_version_id
			""";

	private static final String INSERT_RESPONSE = """
			insert into survey_response (response_key, request_hash, survey_id, survey_version_id, status, source,
				customer_id, invitation_id, public_link_id, interaction_id, touchpoint_id, stage_id, unit_id,
				staff_id, channel, language, submitted_at, updated_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String INSERT_ANSWER = """
			insert into survey_answer (response_id, position, question_code, question_type, score, score2, scale_min,
				scale_max, sem_module, axis, attribute, choices, text_value)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ResponseStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	record Existing(long id, ResponseStatus status, @Nullable String hash, @Nullable Long invitationId) {

	}

	Optional<Existing> byKey(String key) {
		return this.jdbc
			.sql("select id, status, request_hash, invitation_id from survey_response where response_key = :key")
			.param("key", key)
			.query((rs, row) -> new Existing(rs.getLong("id"), ResponseStatus.valueOf(rs.getString("status")),
					rs.getString("request_hash"), (Long) rs.getObject("invitation_id", Long.class)))
			.optional();
	}

	long insert(ResponseWriter.Draft draft, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.template.update((connection) -> {
			PreparedStatement ps = connection.prepareStatement(INSERT_RESPONSE, new String[] { "id" });
			setResponse(ps, draft, now);
			return ps;
		}, keys);
		long id = keys.getKeyAs(Long.class);
		insertAnswers(Map.of(id, draft.answers()));
		return id;
	}

	Map<String, Existing> byKeys(Collection<String> keys) {
		Map<String, Existing> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		this.jdbc.sql("""
				select id, response_key, status, request_hash, invitation_id from survey_response
				where response_key in (:keys)
				""").param("keys", keys).query((rs) -> {
			found.put(rs.getString("response_key"),
					new Existing(rs.getLong("id"), ResponseStatus.valueOf(rs.getString("status")),
							rs.getString("request_hash"), (Long) rs.getObject("invitation_id", Long.class)));
		});
		return found;
	}

	/**
	 * Inserts new responses with their answers in batches, answering their ids by key.
	 */
	Map<String, Long> insertAll(List<ResponseWriter.Draft> drafts, Instant now) {
		if (drafts.isEmpty()) {
			return Map.of();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.template.batchUpdate((connection) -> connection.prepareStatement(INSERT_RESPONSE, new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						setResponse(ps, drafts.get(i), now);
					}

					@Override
					public int getBatchSize() {
						return drafts.size();
					}

				}, keys);
		Map<String, Long> ids = new HashMap<>();
		List<Map<String, Object>> generated = keys.getKeyList();
		if (generated.size() == drafts.size()) {
			for (int i = 0; i < drafts.size(); i++) {
				ids.put(drafts.get(i).key(), ((Number) generated.get(i).values().iterator().next()).longValue());
			}
		}
		else {
			// A driver that does not give the keys of a batch: read them back.
			this.jdbc.sql("select id, response_key from survey_response where response_key in (:keys)")
				.param("keys", drafts.stream().map(ResponseWriter.Draft::key).toList())
				.query((rs) -> {
					ids.put(rs.getString("response_key"), rs.getLong("id"));
				});
		}
		Map<Long, List<Answer>> answers = new LinkedHashMap<>();
		drafts.forEach((draft) -> answers.put(ids.get(draft.key()), draft.answers()));
		insertAnswers(answers);
		return ids;
	}

	private static void setResponse(PreparedStatement ps, ResponseWriter.Draft draft, Instant now) throws SQLException {
		ps.setString(1, draft.key());
		ps.setString(2, draft.hash());
		ps.setLong(3, draft.version().surveyId());
		ps.setLong(4, draft.version().versionId());
		ps.setString(5, draft.status().name());
		ps.setString(6, draft.source().name());
		setLinks(ps, 7, draft);
		ps.setObject(17, SqlTime.of(draft.submittedAt()));
		ps.setObject(18, SqlTime.of(now));
	}

	void update(long id, ResponseWriter.Draft draft, Instant now) {
		this.template.update(
				"""
						update survey_response set request_hash = ?, survey_version_id = ?, status = ?, customer_id = ?,
							invitation_id = ?, public_link_id = ?, interaction_id = ?, touchpoint_id = ?, stage_id = ?, unit_id = ?,
							staff_id = ?, channel = ?, language = ?, submitted_at = ?, updated_at = ?
						where id = ? and status = 'PARTIAL'
						""",
				(ps) -> {
					ps.setString(1, draft.hash());
					ps.setLong(2, draft.version().versionId());
					ps.setString(3, draft.status().name());
					setLinks(ps, 4, draft);
					ps.setObject(14, SqlTime.of(draft.submittedAt()));
					ps.setObject(15, SqlTime.of(now));
					ps.setLong(16, id);
				});
		this.jdbc.sql("delete from survey_answer where response_id = :id").param("id", id).update();
		insertAnswers(Map.of(id, draft.answers()));
	}

	private static void setLinks(PreparedStatement ps, int at, ResponseWriter.Draft draft) throws SQLException {
		ResponseWriter.Links links = draft.links();
		setLong(ps, at, links.customerId());
		setLong(ps, at + 1, links.invitationId());
		setLong(ps, at + 2, links.publicLinkId());
		setLong(ps, at + 3, links.interactionId());
		setLong(ps, at + 4, links.touchpointId());
		setLong(ps, at + 5, links.stageId());
		setLong(ps, at + 6, links.unitId());
		setLong(ps, at + 7, links.staffId());
		ps.setString(at + 8, (links.channel() != null) ? links.channel().name() : null);
		ps.setString(at + 9, draft.language().tag());
	}

	private void insertAnswers(Map<Long, List<Answer>> byResponse) {
		List<Object[]> rows = new ArrayList<>();
		byResponse.forEach((responseId, answers) -> addAnswerRows(rows, responseId, answers));
		if (rows.isEmpty()) {
			return;
		}
		int[] types = { Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.INTEGER,
				Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
				Types.VARCHAR };
		this.template.batchUpdate(INSERT_ANSWER, rows, types);
	}

	private static void addAnswerRows(List<Object[]> rows, long responseId, List<Answer> answers) {
		for (int i = 0; i < answers.size(); i++) {
			Answer answer = answers.get(i);
			Object[] row = new Object[13];
			row[0] = responseId;
			row[1] = i;
			row[2] = answer.questionCode();
			row[3] = answer.type().name();
			switch (answer) {
				case Answer.Score score -> {
					row[4] = score.value();
					row[6] = score.min();
					row[7] = score.max();
					row[8] = (score.semModule() != null) ? score.semModule().name() : null;
					row[9] = (score.axis() != null) ? score.axis().name() : null;
				}
				case Answer.Gap gap -> {
					row[4] = gap.expectation();
					row[5] = gap.perception();
					row[6] = gap.min();
					row[7] = gap.max();
					row[10] = gap.attribute();
				}
				case Answer.Choice choice -> row[11] = String.join(",", choice.options());
				case Answer.Text text -> row[12] = text.text();
			}
			rows.add(row);
		}
	}

	Optional<SurveyResponse> get(long id) {
		return list(" where r.id = ?", new Object[] { id }).stream().findFirst();
	}

	/**
	 * Responses matching the condition (on alias r), in the given order, with answers.
	 */
	List<SurveyResponse> list(String where, Object[] args) {
		List<Head> heads = this.template.query("select " + COLUMNS + FROM + where, ResponseStore::head, args);
		if (heads.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Answer>> answers = answers(heads.stream().map(Head::id).toList());
		return heads.stream().map((h) -> h.response(answers.getOrDefault(h.id(), List.of()))).toList();
	}

	/** Complete responses and the latest submission by survey, of the rows matching. */
	Map<Long, ResponseTally> tallies(String where, Object[] args) {
		Map<Long, ResponseTally> tallies = new HashMap<>();
		this.template.query("select r.survey_id, count(*) as n, max(r.submitted_at) as latest from survey_response r"
				+ where + " group by r.survey_id", (ResultSet rs) -> {
					tallies.put(rs.getLong("survey_id"),
							new ResponseTally(rs.getLong("n"), SqlTime.instant(rs, "latest")));
				}, args);
		return tallies;
	}

	long count(String where, Object[] args) {
		Long count = this.template.queryForObject("select count(*) " + FROM + where, Long.class, args);
		return (count != null) ? count : 0;
	}

	private Map<Long, List<Answer>> answers(List<Long> ids) {
		Map<Long, List<Answer>> answers = new HashMap<>();
		IdBatch batch = IdBatch.of(ids);
		this.template.query("select * from survey_answer where " + batch.condition("response_id")
				+ " order by response_id, position", (ResultSet rs) -> {
					long id = rs.getLong("response_id");
					if (batch.contains(id)) {
						answers.computeIfAbsent(id, (k) -> new ArrayList<>()).add(answer(rs));
					}
				}, batch.args());
		return answers;
	}

	/**
	 * The responses with these ids (in id order, with answers), read by one range where
	 * the ids are nearly consecutive.
	 */
	List<SurveyResponse> byIds(Collection<Long> ids) {
		IdBatch batch = IdBatch.of(ids);
		if (batch.isEmpty()) {
			return List.of();
		}
		return list(" where " + batch.condition("r.id") + " order by r.id", batch.args()).stream()
			.filter((response) -> batch.contains(response.id()))
			.toList();
	}

	static Answer answer(ResultSet rs) throws SQLException {
		String code = rs.getString("question_code");
		QuestionType type = QuestionType.valueOf(rs.getString("question_type"));
		return switch (type) {
			case EXPECTATION_PERCEPTION -> new Answer.Gap(code, type, rs.getString("attribute"), rs.getInt("score"),
					rs.getInt("score2"), rs.getInt("scale_min"), rs.getInt("scale_max"));
			case SINGLE_CHOICE, MULTIPLE_CHOICE ->
				new Answer.Choice(code, type, Arrays.asList(rs.getString("choices").split(",")));
			case TEXT -> new Answer.Text(code, type, rs.getString("text_value"));
			default -> {
				String module = rs.getString("sem_module");
				String axis = rs.getString("axis");
				yield new Answer.Score(code, type, rs.getInt("score"), rs.getInt("scale_min"), rs.getInt("scale_max"),
						(module != null) ? SemModule.valueOf(module) : null,
						(axis != null) ? ExperienceAxis.valueOf(axis) : null);
			}
		};
	}

	record Head(long id, long surveyId, String surveyCode, long versionId, int version, ResponseStatus status,
			ResponseSource source, @Nullable Long customerId, @Nullable Long invitationId, @Nullable Long publicLinkId,
			@Nullable Long interactionId, @Nullable Long touchpointId, @Nullable Long stageId, @Nullable Long unitId,
			@Nullable Long staffId, @Nullable Channel channel, LanguageTag language, @Nullable Instant submittedAt) {

		SurveyResponse response(List<Answer> answers) {
			return new SurveyResponse(this.id, this.surveyId, this.surveyCode, this.versionId, this.version,
					this.status, this.source, this.customerId, this.invitationId, this.publicLinkId, this.interactionId,
					this.touchpointId, this.stageId, this.unitId, this.staffId, this.channel, this.language,
					this.submittedAt, answers);
		}

	}

	static Head head(ResultSet rs, int row) throws SQLException {
		String channel = rs.getString("channel");
		return new Head(rs.getLong("id"), rs.getLong("survey_id"), rs.getString("survey_code"),
				rs.getLong("survey_version_id"), rs.getInt("version"), ResponseStatus.valueOf(rs.getString("status")),
				ResponseSource.valueOf(rs.getString("source")), nullableLong(rs, "customer_id"),
				nullableLong(rs, "invitation_id"), nullableLong(rs, "public_link_id"),
				nullableLong(rs, "interaction_id"), nullableLong(rs, "touchpoint_id"), nullableLong(rs, "stage_id"),
				nullableLong(rs, "unit_id"), nullableLong(rs, "staff_id"),
				(channel != null) ? Channel.valueOf(channel) : null, LanguageTag.of(rs.getString("language")),
				SqlTime.instant(rs, "submitted_at"));
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
		if (value != null) {
			ps.setLong(index, value);
		}
		else {
			ps.setNull(index, Types.BIGINT);
		}
	}

}
