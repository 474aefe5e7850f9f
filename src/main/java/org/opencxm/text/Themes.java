package org.opencxm.text;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgScope;
import org.opencxm.org.Role;
import org.opencxm.shared.ConflictException;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.NotFoundException;
import org.opencxm.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's themes. Everyone reads them; CX managers maintain them. New comments
 * are tagged with the themes as they are when the comment is analysed; a text rebuild
 * tags every stored comment again.
 */
@Service
public class Themes {

	static final int MAX_KEYWORDS = 100;

	static final int MAX_EXAMPLES = 20;

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String SELECT = "select * from text_theme";

	private final JdbcClient jdbc;

	private final OrgScope scope;

	private final JsonMapper json;

	private final Clock clock;

	/** The last catalog built, reused while the themes are unchanged. */
	private final AtomicReference<Prepared> prepared = new AtomicReference<>(
			new Prepared(List.of(), ThemeCatalog.empty()));

	Themes(JdbcClient jdbc, OrgScope scope, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.json = json;
		this.clock = clock;
	}

	public List<ThemeDefinition> list() {
		this.scope.requireRole(Role.VIEWER);
		return all();
	}

	public ThemeDefinition get(String code) {
		this.scope.requireRole(Role.VIEWER);
		return find(code).orElseThrow(() -> new NotFoundException("theme", code));
	}

	/**
	 * Creates a theme. The same theme sent again answers the stored one; other values
	 * under a used code are a conflict.
	 */
	@Transactional
	public Created<ThemeDefinition> create(ThemeRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() == null) {
			throw new InvalidInputException("code", "must not be null");
		}
		Content content = content(request);
		Optional<ThemeDefinition> existing = find(request.code());
		if (existing.isPresent()) {
			ThemeDefinition current = existing.get();
			if (content.sameAs(current)) {
				return new Created<>(current, false);
			}
			throw new ConflictException("theme " + request.code() + " exists already with other values", current);
		}
		this.jdbc.sql("""
				insert into text_theme (code, name_zh, name_en, keywords, examples, created_at, updated_at)
				values (:code, :zh, :en, :keywords, :examples, :now, :now)
				""")
			.param("code", request.code())
			.param("zh", content.name().zh())
			.param("en", content.name().en())
			.param("keywords", this.json.writeValueAsString(content.keywords()))
			.param("examples", this.json.writeValueAsString(content.examples()))
			.param("now", SqlTime.of(this.clock.instant()))
			.update();
		return new Created<>(find(request.code()).orElseThrow(), true);
	}

	/**
	 * Creates the theme under the code in the path, or replaces its names, keywords and
	 * examples.
	 */
	@Transactional
	public Created<ThemeDefinition> put(String code, ThemeRequest request) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (request.code() != null && !request.code().equals(code)) {
			throw new InvalidInputException("code", "must match the code in the path");
		}
		if (find(code).isEmpty()) {
			return create(new ThemeRequest(code, request.name(), request.keywords(), request.examples()));
		}
		Content content = content(request);
		this.jdbc.sql("""
				update text_theme set name_zh = :zh, name_en = :en, keywords = :keywords, examples = :examples,
					updated_at = :now
				where code = :code
				""")
			.param("zh", content.name().zh())
			.param("en", content.name().en())
			.param("keywords", this.json.writeValueAsString(content.keywords()))
			.param("examples", this.json.writeValueAsString(content.examples()))
			.param("now", SqlTime.of(this.clock.instant()))
			.param("code", code)
			.update();
		return new Created<>(find(code).orElseThrow(), false);
	}

	/**
	 * Deletes a theme. Comments analysed before keep its code until the next text
	 * rebuild.
	 */
	@Transactional
	public void delete(String code) {
		this.scope.requireRole(Role.CX_MANAGER);
		if (this.jdbc.sql("delete from text_theme where code = :code").param("code", code).update() == 0) {
			throw new NotFoundException("theme", code);
		}
	}

	/**
	 * The themes prepared for the engine. Read from the database each time, so that every
	 * node sees a change at once, but prepared again only when they changed.
	 */
	public ThemeCatalog catalog() {
		List<Theme> themes = all().stream().map(ThemeDefinition::engineTheme).toList();
		Prepared last = this.prepared.get();
		if (last.themes().equals(themes)) {
			return last.catalog();
		}
		Prepared fresh = new Prepared(themes, ThemeCatalog.of(themes));
		this.prepared.set(fresh);
		return fresh.catalog();
	}

	/**
	 * The names of the themes by code, for reports.
	 */
	Map<String, LocalizedText> names() {
		Map<String, LocalizedText> names = new LinkedHashMap<>();
		all().forEach((theme) -> names.put(theme.code(), theme.name()));
		return names;
	}

	private List<ThemeDefinition> all() {
		return this.jdbc.sql(SELECT + " order by code").query(this::row).list();
	}

	private Optional<ThemeDefinition> find(String code) {
		return this.jdbc.sql(SELECT + " where code = :code").param("code", code).query(this::row).optional();
	}

	private ThemeDefinition row(ResultSet rs, int row) throws SQLException {
		return new ThemeDefinition(rs.getString("code"),
				new LocalizedText(rs.getString("name_zh"), rs.getString("name_en")),
				this.json.readValue(rs.getString("keywords"), STRINGS),
				this.json.readValue(rs.getString("examples"), STRINGS), SqlTime.requiredInstant(rs, "updated_at"));
	}

	private static Content content(ThemeRequest request) {
		List<String> keywords = distinct(request.keywords());
		List<String> examples = distinct(request.examples());
		if (keywords.isEmpty() && examples.isEmpty()) {
			throw new InvalidInputException("keywords", "a theme needs at least one keyword or example sentence");
		}
		LocalizedText name = new LocalizedText(request.name().zh().strip(), request.name().en().strip());
		return new Content(name, keywords, examples);
	}

	private static List<String> distinct(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		values.stream().map(String::strip).filter((value) -> !value.isEmpty()).forEach(distinct::add);
		return new ArrayList<>(distinct);
	}

	private record Content(LocalizedText name, List<String> keywords, List<String> examples) {

		boolean sameAs(ThemeDefinition theme) {
			return this.name.equals(theme.name()) && this.keywords.equals(theme.keywords())
					&& this.examples.equals(theme.examples());
		}

	}

	private record Prepared(List<Theme> themes, ThemeCatalog catalog) {

	}

}
