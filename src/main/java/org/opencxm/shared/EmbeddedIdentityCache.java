package org.opencxm.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.stereotype.Component;

/**
 * After the migrations, lets H2's identity columns hand out {@value #CACHE} values per
 * write of the sequence instead of H2's default 32. On a file database that writes every
 * commit through, H2 commits each refill of a sequence's cache on its own, so a batch of
 * a thousand rows cost some thirty extra writes of the store. Ids stay increasing; only a
 * crash skips the unused rest of a cache. PostgreSQL's sequences are left as they are:
 * there a cache is per connection and would number concurrent inserts out of order.
 */
@Component
class EmbeddedIdentityCache implements Callback {

	static final int CACHE = 1000;

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			Connection connection = context.getConnection();
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
				return;
			}
			List<String> alters = new ArrayList<>();
			try (Statement statement = connection.createStatement(); var columns = statement.executeQuery("""
					select table_name, column_name from information_schema.columns
					where table_schema = current_schema() and is_identity = 'YES' and identity_cache < %d
					""".formatted(CACHE))) {
				while (columns.next()) {
					alters.add("alter table " + columns.getString(1) + " alter column " + columns.getString(2)
							+ " set cache " + CACHE);
				}
			}
			try (Statement statement = connection.createStatement()) {
				for (String alter : alters) {
					statement.execute(alter);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not set the identity caches", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "embedded identity cache";
	}

}
