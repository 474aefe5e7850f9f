package org.opencxm.text;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.IdBatch;
import org.opencxm.shared.SemModule;
import org.opencxm.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The stored comment analyses and their tags. Lists and clause marks are JSON text, so
 * the same columns serve H2 and PostgreSQL.
 */
@Component
class CommentStore {

	static final String THEME = "THEME";

	static final String FACTOR = "FACTOR";

	static final String SEM_MODULE = "SEM_MODULE";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<ExperienceFactor>> FACTORS = new TypeReference<>() {
	};

	private static final TypeReference<List<SemModule>> MODULES = new TypeReference<>() {
	};

	private static final TypeReference<List<StoredClause>> CLAUSES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CommentStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Where and when the response was given, as stored with each of its comments.
	 */
	record Placement(long responseId, @Nullable Long unitId, @Nullable Long touchpointId, Instant submittedAt,
			LocalDate localDay) {

	}

	/**
	 * A clause's marks as stored: the clause text is not, it is cut from the comment by
	 * its offsets when read.
	 */
	record StoredClause(int start, int end, double score, SentimentLabel label, double intensity,
			List<ExperienceFactor> factors, List<SemModule> semModules, List<AnalysedComment.ThemeMark> themes) {

	}

	/**
	 * A stored analysis without the comment's text.
	 */
	record Stored(String questionCode, Language language, double score, SentimentLabel label, double intensity,
			List<ExperienceFactor> factors, List<SemModule> semModules, List<String> themes, List<String> keyPhrases,
			List<StoredClause> clauses, Instant analysedAt) {

	}

	boolean analysed(long responseId) {
		return this.jdbc.sql("select count(*) from comment_analysis where response_id = :response")
			.param("response", responseId)
			.query(Long.class)
			.single() > 0;
	}

	void delete(long responseId) {
		this.jdbc.sql("delete from comment_analysis where response_id = :response")
			.param("response", responseId)
			.update();
	}

	void insert(Placement placement, String questionCode, CommentAnalysis analysis, Instant now) {
		List<String> themes = List.copyOf(analysis.themeIds());
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into comment_analysis (response_id, question_code, unit_id, touchpoint_id, submitted_at,
					local_day, language, score, label, intensity, factors, sem_modules, themes, key_phrases, clauses,
					analysed_at)
				values (:response, :question, :unit, :touchpoint, :submitted, :day, :language, :score, :label,
					:intensity, :factors, :modules, :themes, :phrases, :clauses, :now)
				""")
			.param("response", placement.responseId())
			.param("question", questionCode)
			.param("unit", placement.unitId())
			.param("touchpoint", placement.touchpointId())
			.param("submitted", SqlTime.of(placement.submittedAt()))
			.param("day", Date.valueOf(placement.localDay()))
			.param("language", analysis.language().name())
			.param("score", analysis.score())
			.param("label", analysis.label().name())
			.param("intensity", analysis.intensity())
			.param("factors", write(List.copyOf(analysis.factors())))
			.param("modules", write(List.copyOf(analysis.semModules())))
			.param("themes", write(themes))
			.param("phrases", write(analysis.keyPhrases()))
			.param("clauses", write(clauses(analysis)))
			.param("now", SqlTime.of(now))
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		themes.forEach((theme) -> tag(id, THEME, theme));
		analysis.factors().forEach((factor) -> tag(id, FACTOR, factor.name()));
		analysis.semModules().forEach((module) -> tag(id, SEM_MODULE, module.name()));
	}

	List<Stored> ofResponse(long responseId) {
		return this.jdbc.sql("select * from comment_analysis where response_id = :response order by id")
			.param("response", responseId)
			.query(this::row)
			.list();
	}

	/**
	 * The stored analyses of these responses, by response id; a response without any is
	 * left out.
	 */
	Map<Long, List<Stored>> ofResponses(Collection<Long> responseIds) {
		Map<Long, List<Stored>> found = new HashMap<>();
		List<Long> ids = List.copyOf(new TreeSet<>(responseIds));
		for (int from = 0; from < ids.size(); from += 1000) {
			IdBatch batch = IdBatch.of(ids.subList(from, Math.min(ids.size(), from + 1000)));
			this.jdbc.sql("select * from comment_analysis where " + batch.condition("response_id") + " order by id")
				.params(batch.args())
				.query((ResultSet rs) -> {
					long response = rs.getLong("response_id");
					if (batch.contains(response)) {
						found.computeIfAbsent(response, (key) -> new ArrayList<>()).add(row(rs, 0));
					}
				});
		}
		return found;
	}

	private void tag(long analysisId, String kind, String tag) {
		this.jdbc.sql("insert into comment_tag (analysis_id, kind, tag) values (:id, :kind, :tag)")
			.param("id", analysisId)
			.param("kind", kind)
			.param("tag", tag)
			.update();
	}

	private static List<StoredClause> clauses(CommentAnalysis analysis) {
		List<StoredClause> clauses = new ArrayList<>(analysis.clauses().size());
		for (int c = 0; c < analysis.clauses().size(); c++) {
			ClauseAnalysis clause = analysis.clauses().get(c);
			List<AnalysedComment.ThemeMark> marks = new ArrayList<>();
			for (ThemeMatch match : analysis.themes()) {
				if (match.clauseIndex() == c) {
					marks.add(new AnalysedComment.ThemeMark(match.themeId(), match.via(), match.score(),
							match.evidence()));
				}
			}
			clauses.add(new StoredClause(clause.start(), clause.end(), clause.score(), clause.label(),
					clause.intensity(), clause.factors(), clause.semModules(), marks));
		}
		return clauses;
	}

	private String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	private Stored row(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getString("question_code"), Language.valueOf(rs.getString("language")),
				rs.getDouble("score"), SentimentLabel.valueOf(rs.getString("label")), rs.getDouble("intensity"),
				this.json.readValue(rs.getString("factors"), FACTORS),
				this.json.readValue(rs.getString("sem_modules"), MODULES),
				this.json.readValue(rs.getString("themes"), STRINGS),
				this.json.readValue(rs.getString("key_phrases"), STRINGS),
				this.json.readValue(rs.getString("clauses"), CLAUSES), SqlTime.requiredInstant(rs, "analysed_at"));
	}

}
