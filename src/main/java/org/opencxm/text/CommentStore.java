package org.opencxm.text;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.IdBatch;
import org.opencxm.shared.SemModule;
import org.opencxm.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private static final String INSERT = """
			insert into comment_analysis (response_id, question_code, unit_id, touchpoint_id, submitted_at, local_day,
				language, score, label, intensity, factors, sem_modules, themes, key_phrases, clauses, analysed_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	CommentStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
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

	void delete(long responseId) {
		this.jdbc.sql("delete from comment_analysis where response_id = :response")
			.param("response", responseId)
			.update();
	}

	/**
	 * Of these responses, those whose comments are analysed already.
	 */
	Set<Long> analysedAmong(Collection<Long> responseIds) {
		Set<Long> analysed = new HashSet<>();
		IdBatch batch = IdBatch.of(responseIds);
		if (batch.isEmpty()) {
			return analysed;
		}
		this.jdbc.sql("select distinct response_id from comment_analysis where " + batch.condition("response_id"))
			.params(batch.args())
			.query((ResultSet rs) -> {
				if (batch.contains(rs.getLong(1))) {
					analysed.add(rs.getLong(1));
				}
			});
		return analysed;
	}

	/**
	 * One comment's analysis, to be stored with its response's placement.
	 */
	record Analysed(Placement placement, String questionCode, CommentAnalysis analysis) {

	}

	/**
	 * Stores the analyses and their tags, each kind of row in one batch of statements.
	 */
	void insertAll(List<Analysed> analyses, Instant now) {
		if (analyses.isEmpty()) {
			return;
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.template.batchUpdate((connection) -> connection.prepareStatement(INSERT, new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						bind(ps, analyses.get(i), now);
					}

					@Override
					public int getBatchSize() {
						return analyses.size();
					}

				}, keys);
		List<Map<String, Object>> generated = keys.getKeyList();
		List<Object[]> tags = new ArrayList<>();
		for (int i = 0; i < analyses.size(); i++) {
			long id = ((Number) generated.get(i).values().iterator().next()).longValue();
			CommentAnalysis analysis = analyses.get(i).analysis();
			analysis.themeIds().forEach((theme) -> tags.add(new Object[] { id, THEME, theme }));
			analysis.factors().forEach((factor) -> tags.add(new Object[] { id, FACTOR, factor.name() }));
			analysis.semModules().forEach((module) -> tags.add(new Object[] { id, SEM_MODULE, module.name() }));
		}
		if (!tags.isEmpty()) {
			this.template.batchUpdate("insert into comment_tag (analysis_id, kind, tag) values (?, ?, ?)", tags,
					new int[] { Types.BIGINT, Types.VARCHAR, Types.VARCHAR });
		}
	}

	private void bind(PreparedStatement ps, Analysed analysed, Instant now) throws SQLException {
		Placement placement = analysed.placement();
		CommentAnalysis analysis = analysed.analysis();
		ps.setLong(1, placement.responseId());
		ps.setString(2, analysed.questionCode());
		ps.setObject(3, placement.unitId(), Types.BIGINT);
		ps.setObject(4, placement.touchpointId(), Types.BIGINT);
		ps.setObject(5, SqlTime.of(placement.submittedAt()));
		ps.setDate(6, Date.valueOf(placement.localDay()));
		ps.setString(7, analysis.language().name());
		ps.setDouble(8, analysis.score());
		ps.setString(9, analysis.label().name());
		ps.setDouble(10, analysis.intensity());
		ps.setString(11, write(List.copyOf(analysis.factors())));
		ps.setString(12, write(List.copyOf(analysis.semModules())));
		ps.setString(13, write(List.copyOf(analysis.themeIds())));
		ps.setString(14, write(analysis.keyPhrases()));
		ps.setString(15, write(clauses(analysis)));
		ps.setObject(16, SqlTime.of(now));
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
