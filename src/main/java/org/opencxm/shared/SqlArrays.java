package org.opencxm.shared;

import java.util.Collection;

import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Many values for one query parameter, as one SQL array ({@code column = any(:values)}).
 * With a list of a thousand parameters instead, PostgreSQL took 15 ms to look up the
 * event ids of one contact batch, more than inserting the batch; H2 answers {@code = any}
 * with the same index look-up as an {@code in} list.
 */
public final class SqlArrays {

	private SqlArrays() {
	}

	public static SqlArrayValue ids(Collection<Long> ids) {
		return new SqlArrayValue("bigint", ids.toArray());
	}

	public static SqlArrayValue texts(Collection<String> texts) {
		return new SqlArrayValue("varchar", texts.toArray());
	}

}
