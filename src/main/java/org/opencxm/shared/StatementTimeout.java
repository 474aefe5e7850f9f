package org.opencxm.shared;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The longest any SQL statement may run ({@code opencxm.database.statement-timeout}, 30
 * seconds unless set), given to each connection once when it opens: PostgreSQL's
 * {@code statement_timeout}, H2's {@code QUERY_TIMEOUT}. A timeout set per statement
 * instead (JDBC's {@code setQueryTimeout}) makes the PostgreSQL driver schedule and
 * cancel a timer task around every statement, a cost the hot write paths feel.
 */
@Configuration(proxyBeanMethods = false)
class StatementTimeout {

	@Bean
	static BeanPostProcessor statementTimeoutOnConnections(Environment environment) {
		Duration timeout = Binder.get(environment)
			.bind("opencxm.database.statement-timeout", Duration.class)
			.orElse(Duration.ofSeconds(30));
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource dataSource) {
					apply(dataSource, timeout);
				}
				return bean;
			}

		};
	}

	static void apply(HikariDataSource dataSource, Duration timeout) {
		String url = dataSource.getJdbcUrl();
		if (url == null || timeout.isZero()) {
			return;
		}
		long millis = timeout.toMillis();
		if (url.startsWith("jdbc:postgresql:")) {
			@Nullable Object options = dataSource.getDataSourceProperties().get("options");
			String setting = "-c statement_timeout=" + millis;
			dataSource.addDataSourceProperty("options", (options != null) ? options + " " + setting : setting);
		}
		else if (url.startsWith("jdbc:h2:") && !url.toUpperCase().contains("QUERY_TIMEOUT")) {
			dataSource.addDataSourceProperty("QUERY_TIMEOUT", String.valueOf(millis));
		}
	}

}
