package org.opencxm.shared;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementTimeoutTests {

	@Test
	void givesPostgresConnectionsAStatementTimeoutNextToOtherOptions() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:postgresql://localhost:5432/opencxm");
		dataSource.addDataSourceProperty("options", "-c search_path=cx");
		StatementTimeout.apply(dataSource, Duration.ofSeconds(30));
		assertThat(dataSource.getDataSourceProperties().getProperty("options"))
			.isEqualTo("-c search_path=cx -c statement_timeout=30000");
	}

	@Test
	void givesH2ConnectionsAQueryTimeoutUnlessTheUrlSetsOne() {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:test");
		StatementTimeout.apply(dataSource, Duration.ofSeconds(5));
		assertThat(dataSource.getDataSourceProperties().getProperty("QUERY_TIMEOUT")).isEqualTo("5000");
		HikariDataSource configured = new HikariDataSource();
		configured.setJdbcUrl("jdbc:h2:mem:test;QUERY_TIMEOUT=100");
		StatementTimeout.apply(configured, Duration.ofSeconds(5));
		assertThat(configured.getDataSourceProperties()).doesNotContainKey("QUERY_TIMEOUT");
	}

}
