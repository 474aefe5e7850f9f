package org.opencxm.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the console exists in both languages, and every message a template names
 * exists.
 */
class MessagesTests {

	private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

	private static final Pattern MESSAGE = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	@Test
	void englishAndChineseHaveTheSameKeys() {
		Set<String> english = load("messages.properties").stringPropertyNames();
		Set<String> chinese = load("messages_zh_CN.properties").stringPropertyNames();
		assertThat(new TreeSet<>(chinese)).isEqualTo(new TreeSet<>(english));
		assertThat(load("messages_en.properties").stringPropertyNames()).isSubsetOf(english);
	}

	@Test
	void everyMessageATemplateNamesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> used = new HashSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				String markup = COMMENT.matcher(Files.readString(template)).replaceAll("");
				Matcher matcher = MESSAGE.matcher(markup);
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}

	@Test
	void enumValuesShownOnPagesHaveNames() {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		for (Enum<?> value : org.opencxm.org.Role.values()) {
			assertThat(keys).contains("enum.Role." + value.name(), "admin.users.role." + value.name());
		}
		for (Enum<?> value : org.opencxm.org.OrgUnitKind.values()) {
			assertThat(keys).contains("enum.OrgUnitKind." + value.name());
		}
		for (Enum<?> value : TokenController.Status.values()) {
			assertThat(keys).contains("account.tokens.status." + value.name());
		}
		for (Section section : Section.values()) {
			assertThat(keys).contains(section.messageKey());
		}
	}

	@Test
	void serviceReasonsBecomeMessageKeys() {
		assertThat(FormErrors.messageKey("is not a known time zone, e.g. Asia/Shanghai"))
			.isEqualTo("violation.is-not-a-known-time-zone-e-g-asia-shanghai");
		assertThat(load("messages.properties").stringPropertyNames())
			.contains(FormErrors.messageKey("no org unit has this code"));
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
