package org.opencxm.segments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SqlTime;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The segment table. Rules are kept as their JSON text and read back through the same
 * mapping the API uses.
 */
@Repository
class SegmentStore {

	private static final String SELECT = """
			select id, code, name_zh, name_en, description_zh, description_en, rule, created_at, updated_at
			from segment
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	SegmentStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	Optional<Segment> byCode(String code) {
		return this.jdbc.sql(SELECT + " where code = :code").param("code", code).query(this::map).optional();
	}

	Optional<Segment> byId(long id) {
		return this.jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::map).optional();
	}

	List<Segment> page(int limit, long offset) {
		return this.jdbc.sql(SELECT + " order by code limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	List<Segment> all() {
		return this.jdbc.sql(SELECT + " order by code").query(this::map).list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from segment").query(Long.class).single();
	}

	void insert(String code, LocalizedText name, @Nullable LocalizedText description, SegmentRule rule) {
		Map<String, @Nullable Object> params = params(code, name, description, rule);
		this.jdbc
			.sql("""
					insert into segment (code, name_zh, name_en, description_zh, description_en, rule, created_at, updated_at)
					values (:code, :nameZh, :nameEn, :descriptionZh, :descriptionEn, :rule, :now, :now)
					""")
			.params(params)
			.update();
	}

	void update(String code, LocalizedText name, @Nullable LocalizedText description, SegmentRule rule) {
		this.jdbc.sql("""
				update segment set name_zh = :nameZh, name_en = :nameEn, description_zh = :descriptionZh,
					description_en = :descriptionEn, rule = :rule, updated_at = :now
				where code = :code
				""").params(params(code, name, description, rule)).update();
	}

	boolean delete(String code) {
		return this.jdbc.sql("delete from segment where code = :code").param("code", code).update() > 0;
	}

	private Map<String, @Nullable Object> params(String code, LocalizedText name, @Nullable LocalizedText description,
			SegmentRule rule) {
		Map<String, @Nullable Object> params = new HashMap<>();
		params.put("code", code);
		params.put("nameZh", name.zh());
		params.put("nameEn", name.en());
		params.put("descriptionZh", (description != null) ? description.zh() : null);
		params.put("descriptionEn", (description != null) ? description.en() : null);
		params.put("rule", this.json.writeValueAsString(rule));
		params.put("now", SqlTime.of(this.clock.instant()));
		return params;
	}

	private Segment map(ResultSet rs, int row) throws SQLException {
		String descriptionZh = rs.getString("description_zh");
		LocalizedText description = (descriptionZh != null)
				? new LocalizedText(descriptionZh, rs.getString("description_en")) : null;
		return new Segment(rs.getLong("id"), rs.getString("code"),
				new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")), description,
				this.json.readValue(rs.getString("rule"), SegmentRule.class), SqlTime.requiredInstant(rs, "created_at"),
				SqlTime.requiredInstant(rs, "updated_at"));
	}

}
