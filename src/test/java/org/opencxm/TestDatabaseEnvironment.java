package org.opencxm;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points every test application context at its database: a fresh in-memory H2 database
 * per context by default, or the PostgreSQL server named by
 * {@code OPENCXM_TEST_POSTGRES_URL} when the suite runs its PostgreSQL pass
 * ({@code -Dopencxm.test.database=postgres}). Tests create their own data under unique
 * codes, so they also pass on a database shared between contexts. With
 * {@code -Dopencxm.test.database=as-configured} it leaves the configuration alone.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

	public static final String ADMIN_PASSWORD = "test-admin-password";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if ("as-configured".equals(System.getProperty("opencxm.test.database"))) {
			// an application a test starts as a process of its own, configured like a
			// real one
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		if (onPostgres()) {
			properties.put("spring.datasource.url", System.getenv("OPENCXM_TEST_POSTGRES_URL"));
			properties.put("spring.datasource.username", env("OPENCXM_TEST_POSTGRES_USER", "opencxm"));
			properties.put("spring.datasource.password", env("OPENCXM_TEST_POSTGRES_PASSWORD", ""));
		}
		else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:test-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		// No demo data unless a test asks for it with @SpringBootTest(properties =
		// "opencxm.demo=true"):
		// those properties are in the environment already, but this source comes first.
		PropertySource<?> testProperties = environment.getPropertySources()
			.get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
		if (testProperties == null || !testProperties.containsProperty("opencxm.demo")) {
			properties.put("opencxm.demo", "false");
		}
		properties.put("opencxm.admin-password", ADMIN_PASSWORD);
		environment.getPropertySources().addFirst(new MapPropertySource("opencxm-test-database", properties));
	}

	public static boolean onPostgres() {
		return "postgres".equals(System.getProperty("opencxm.test.database"));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
