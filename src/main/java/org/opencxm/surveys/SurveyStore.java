package org.opencxm.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The SQL of surveys and their versions. Published versions never change, so they are
 * kept in memory once read: the response path and the respondent page look them up on
 * every request.
 */
@Repository
class SurveyStore {

	private static final String SELECT = """
			select s.id, s.code, s.status, s.template, s.created_at, s.updated_at,
				v.id as version_id, v.version, v.definition, v.published_at
			from survey s join survey_version v on v.survey_id = s.id
			""";

	private static final String LATEST = " v.version = (select max(l.version) from survey_version l where l.survey_id = s.id)";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private static final long CURRENT_TTL_NANOS = 5_000_000_000L;

	private final Map<Long, SurveyVersion> published = new ConcurrentHashMap<>();

	private final Map<String, Current> currents = new ConcurrentHashMap<>();

	SurveyStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Survey> byCode(String code) {
		return this.jdbc.sql(SELECT + " where s.code = :code and" + LATEST)
			.param("code", code)
			.query(this::survey)
			.optional();
	}

	List<Survey> page(int limit, long offset) {
		return this.jdbc.sql(SELECT + " where" + LATEST + " order by s.code limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(this::survey)
			.list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from survey").query(Long.class).single();
	}

	/**
	 * The version that answers are taken for: the latest of the survey. Remembered for a
	 * few seconds (forgotten at once when this node changes a survey), so that a stream
	 * of responses does not ask the database for it every time.
	 */
	Optional<SurveyVersion> current(String code) {
		long now = System.nanoTime();
		Current cached = this.currents.get(code);
		if (cached != null && now - cached.at() < CURRENT_TTL_NANOS) {
			return Optional.of(version(cached.versionId()));
		}
		Optional<Long> versionId = this.jdbc.sql("""
				select max(v.id) as version_id from survey s join survey_version v on v.survey_id = s.id
				where s.code = :code group by s.id
				""").param("code", code).query((rs, row) -> rs.getLong("version_id")).optional();
		versionId.ifPresent((id) -> this.currents.put(code, new Current(id, now)));
		return versionId.map(this::version);
	}

	private record Current(long versionId, long at) {

	}

	/** The latest version of a survey, by the survey's id. */
	Optional<SurveyVersion> currentById(long surveyId) {
		return this.jdbc.sql("select max(id) from survey_version where survey_id = :id")
			.param("id", surveyId)
			.query(Long.class)
			.optional()
			.map(this::version);
	}

	Optional<SurveyVersion> version(String code, int number) {
		return this.jdbc.sql("""
				select v.id from survey s join survey_version v on v.survey_id = s.id
				where s.code = :code and v.version = :version
				""").param("code", code).param("version", number).query(Long.class).optional().map(this::version);
	}

	SurveyVersion version(long versionId) {
		return findVersion(versionId).orElseThrow(() -> new NotFoundException("survey version", versionId));
	}

	Optional<SurveyVersion> findVersion(long versionId) {
		SurveyVersion cached = this.published.get(versionId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<SurveyVersion> found = this.jdbc.sql("""
				select s.id, s.code, s.status, v.id as version_id, v.version, v.definition, v.published_at
				from survey s join survey_version v on v.survey_id = s.id where v.id = :id
				""")
			.param("id", versionId)
			.query((rs, row) -> new SurveyVersion(rs.getLong("id"), rs.getString("code"),
					(rs.getObject("published_at") != null) ? SurveyStatus.PUBLISHED : SurveyStatus.DRAFT,
					rs.getLong("version_id"), rs.getInt("version"), definition(rs.getString("definition"))))
			.optional();
		found.filter((version) -> version.status() == SurveyStatus.PUBLISHED)
			.ifPresent((version) -> this.published.put(versionId, version));
		return found;
	}

	Optional<Long> surveyId(String code) {
		return this.jdbc.sql("select id from survey where code = :code")
			.param("code", code)
			.query(Long.class)
			.optional();
	}

	long insert(String code, SurveyDefinition definition, @Nullable String template, boolean publish, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into survey (code, status, template, created_at, updated_at)
				values (:code, :status, :template, :now, :now)
				""")
			.param("code", code)
			.param("status", (publish ? SurveyStatus.PUBLISHED : SurveyStatus.DRAFT).name())
			.param("template", template)
			.param("now", SqlTime.of(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		addVersion(id, 1, definition, publish ? now : null, now);
		return id;
	}

	void addVersion(long surveyId, int version, SurveyDefinition definition, @Nullable Instant publishedAt,
			Instant now) {
		this.jdbc.sql("""
				insert into survey_version (survey_id, version, definition, created_at, published_at)
				values (:survey, :version, :definition, :now, :published)
				""")
			.param("survey", surveyId)
			.param("version", version)
			.param("definition", this.json.writeValueAsString(definition))
			.param("now", SqlTime.of(now))
			.param("published", SqlTime.of(publishedAt))
			.update();
		touch(surveyId, null, now);
	}

	void replaceDraft(long versionId, SurveyDefinition definition, long surveyId, Instant now) {
		this.jdbc.sql("update survey_version set definition = :definition where id = :id and published_at is null")
			.param("definition", this.json.writeValueAsString(definition))
			.param("id", versionId)
			.update();
		touch(surveyId, null, now);
	}

	void publish(long surveyId, long versionId, Instant now) {
		this.jdbc.sql("update survey_version set published_at = :now where id = :id and published_at is null")
			.param("now", SqlTime.of(now))
			.param("id", versionId)
			.update();
		touch(surveyId, SurveyStatus.PUBLISHED, now);
	}

	private void touch(long surveyId, @Nullable SurveyStatus status, Instant now) {
		this.currents.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					SurveyStore.this.currents.clear();
				}
			});
		}
		this.jdbc.sql(
				"update survey set updated_at = :now, status = coalesce(cast(:status as varchar(16)), status) where id = :id")
			.param("now", SqlTime.of(now))
			.param("status", (status != null) ? status.name() : null)
			.param("id", surveyId)
			.update();
	}

	private SurveyDefinition definition(String text) {
		return this.json.readValue(text, SurveyDefinition.class);
	}

	private Survey survey(ResultSet rs, int row) throws SQLException {
		SurveyDefinition definition = definition(rs.getString("definition"));
		return new Survey(rs.getLong("id"), rs.getString("code"), SurveyStatus.valueOf(rs.getString("status")),
				rs.getInt("version"), rs.getLong("version_id"), definition.title(), definition.intro(),
				definition.thanks(), definition.questions(), rs.getString("template"),
				SqlTime.requiredInstant(rs, "created_at"), SqlTime.requiredInstant(rs, "updated_at"),
				SqlTime.instant(rs, "published_at"));
	}

}
