package org.opencxm.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The few statements H2 and PostgreSQL cannot share. Everything else is one SQL for both.
 */
@Component
public class SqlDialect {

	private final boolean postgres;

	SqlDialect(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	public boolean postgres() {
		return this.postgres;
	}

	/**
	 * An insert-or-update of one row given as positional parameters in the order of
	 * {@code columns}. In {@code set} and {@code when}, the stored row is {@code t} and
	 * the new one {@code excluded}, e.g. {@code set = "stage_id = excluded.stage_id"},
	 * {@code when = "t.stage_position < excluded.stage_position"}; with {@code set} null
	 * an existing row is left alone.
	 */
	public String upsert(String table, List<String> keys, List<String> columns, @Nullable String set,
			@Nullable String when) {
		String names = String.join(", ", columns);
		String marks = columns.stream().map((c) -> "?").collect(Collectors.joining(", "));
		if (this.postgres) {
			String action = (set != null) ? "do update set " + set + ((when != null) ? " where " + when : "")
					: "do nothing";
			return "insert into " + table + " as t (" + names + ") values (" + marks + ") on conflict ("
					+ String.join(", ", keys) + ") " + action;
		}
		String on = keys.stream().map((k) -> "t." + k + " = excluded." + k).collect(Collectors.joining(" and "));
		String values = columns.stream().map((c) -> "excluded." + c).collect(Collectors.joining(", "));
		String matched = (set != null)
				? " when matched" + ((when != null) ? " and " + when : "") + " then update set " + set : "";
		return "merge into " + table + " as t using (values (" + marks + ")) as excluded (" + names + ") on " + on
				+ matched + " when not matched then insert (" + names + ") values (" + values + ")";
	}

}
