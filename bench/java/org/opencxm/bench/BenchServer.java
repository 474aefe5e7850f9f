package org.opencxm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencxm.OpenCxmApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started inside the benchmark's process on a free port: on a new embedded H2
 * file database in a temporary folder, or on the PostgreSQL database named by
 * {@code OPENCXM_BENCH_POSTGRES_URL} (with {@code _USER} and {@code _PASSWORD}).
 */
final class BenchServer implements AutoCloseable {

	static final String ADMIN_PASSWORD = "bench-admin-password";

	private final ConfigurableApplicationContext context;

	private final Path dataDir;

	private final boolean keep;

	private String token = "";

	private BenchServer(ConfigurableApplicationContext context, Path dataDir, boolean keep) {
		this.context = context;
		this.dataDir = dataDir;
		this.keep = keep;
	}

	static BenchServer start(BenchOptions options) throws IOException {
		return start(options.database(), Files.createTempDirectory("opencxm-bench"), false, List.of());
	}

	/**
	 * The application on the database in {@code dataDir} (H2) or named by the environment
	 * (PostgreSQL); with {@code keep} the folder outlives the server, so that a large data
	 * set is loaded once.
	 */
	static BenchServer start(String database, Path dataDir, boolean keep, List<String> extraArgs) {
		// The benchmarks compile with the tests, whose environment would otherwise put every
		// application on a fresh in-memory H2 database, whatever the arguments say.
		System.setProperty("opencxm.test.database", "as-configured");
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--opencxm.demo=false",
				"--opencxm.admin-password=" + ADMIN_PASSWORD, "--opencxm.data-dir=" + dataDir,
				"--logging.level.root=warn", "--logging.level.org.opencxm=warn"));
		// An extra argument replaces the default of the same name.
		for (String extra : extraArgs) {
			String name = extra.substring(0, extra.indexOf('=') + 1);
			args.removeIf((arg) -> !name.isEmpty() && arg.startsWith(name));
		}
		args.addAll(extraArgs);
		if (database.equals("postgres")) {
			args.add("--spring.datasource.url=" + env("OPENCXM_BENCH_POSTGRES_URL",
					"jdbc:postgresql://localhost:5432/opencxm_bench?reWriteBatchedInserts=true"));
			args.add("--spring.datasource.username=" + env("OPENCXM_BENCH_POSTGRES_USER", "opencxm"));
			args.add("--spring.datasource.password=" + env("OPENCXM_BENCH_POSTGRES_PASSWORD", "opencxm"));
		}
		ConfigurableApplicationContext context = SpringApplication.run(OpenCxmApplication.class,
				args.toArray(String[]::new));
		return new BenchServer(context, dataDir, keep);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	String baseUrl() {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	String token() {
		return this.token;
	}

	void token(String token) {
		this.token = token;
	}

	@Override
	public void close() throws IOException {
		this.context.close();
		if (this.keep) {
			return;
		}
		try (var files = Files.walk(this.dataDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
