package org.opencxm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database side of the module boundaries that {@link ModularityTests} checks in the
 * code: each table belongs to the module whose migration creates it
 * ({@code V<n>__<module>_<what>.sql}); only that module writes it; another module may
 * read it only if it is one of the reference tables below (labels and scope in a join:
 * units, staff, users, journeys, stages, touchpoints, customers), never another module's
 * facts (interactions, responses, evaluations, aggregates, cases).
 */
class TableOwnershipTests {

	private static final Set<String> REFERENCE_TABLES = Set.of("org_unit", "staff", "app_user", "journey",
			"journey_stage", "touchpoint", "customer");

	private static final Pattern CREATE = Pattern.compile("create table (?:if not exists )?(\\w+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern WRITE = Pattern.compile(
			"\\b(?:insert into|update|delete from|merge into)\\s+(\\w+)|upsert\\(\\s*\"(\\w+)\"",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern ALTER = Pattern
		.compile("\\b(?:alter table|create (?:unique )?index \\w+ on)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	@Test
	void eachMigrationChangesOnlyItsModulesTables() throws IOException {
		Map<String, String> owners = owners();
		List<String> breaches = new ArrayList<>();
		try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path migration : migrations.toList()) {
				String name = migration.getFileName().toString();
				String module = name.substring(name.indexOf("__") + 2).split("_")[0];
				Matcher alter = ALTER.matcher(Files.readString(migration));
				while (alter.find()) {
					String owner = owners.get(alter.group(1).toLowerCase(Locale.ROOT));
					if (owner != null && !owner.equals(module)) {
						breaches.add(name + " changes " + owner + "'s table " + alter.group(1));
					}
				}
			}
		}
		assertThat(breaches).isEmpty();
	}

	@Test
	void eachTableIsWrittenOnlyByItsModuleAndReadElsewhereOnlyAsReference() throws IOException {
		Map<String, String> owners = owners();
		assertThat(owners).containsEntry("interaction", "interactions").containsEntry("org_unit", "org");
		List<String> breaches = new ArrayList<>();
		int scanned = 0;
		Path root = Path.of("src/main/java/org/opencxm");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Path relative = root.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				String source = Files.readString(file);
				scanned++;
				Matcher write = WRITE.matcher(source);
				while (write.find()) {
					String table = ((write.group(1) != null) ? write.group(1) : write.group(2))
						.toLowerCase(Locale.ROOT);
					String owner = owners.get(table);
					if (owner != null && !owner.equals(module)) {
						breaches.add(module + " writes " + owner + "'s table " + table + " in " + relative);
					}
				}
				Matcher read = READ.matcher(source);
				while (read.find()) {
					String table = read.group(1).toLowerCase(Locale.ROOT);
					String owner = owners.get(table);
					if (owner != null && !owner.equals(module) && !REFERENCE_TABLES.contains(table)) {
						breaches.add(module + " reads " + owner + "'s table " + table + " in " + relative);
					}
				}
			}
		}
		assertThat(scanned).isGreaterThan(100);
		assertThat(new TreeSet<>(breaches)).isEmpty();
	}

	private static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new HashMap<>();
		try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path migration : migrations.toList()) {
				String name = migration.getFileName().toString();
				String module = name.substring(name.indexOf("__") + 2).split("_")[0];
				String sql = Files.readString(migration);
				Matcher create = CREATE.matcher(sql);
				while (create.find()) {
					owners.put(create.group(1).toLowerCase(Locale.ROOT), module);
				}

			}
		}
		// The event publication registry is Spring Modulith's, shared by every module's
		// listeners; its migration only sits among the surveys' ones.
		owners.remove("event_publication");
		return owners;
	}

}
