package org.opencxm.console;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnitKind;
import org.opencxm.shared.LocalizedText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure parts of the console: tree order, safe return paths.
 */
class ConsoleUnitsTests {

	@Test
	void listsEachUnitFollowedByItsSubUnitsInCodeOrder() {
		List<OrgUnit> units = List.of(unit("co", null, 0), unit("co-west", "co", 1), unit("co-east", "co", 1),
				unit("co-west-2", "co-west", 2), unit("co-east-1", "co-east", 2), unit("other", null, 0));
		assertThat(UnitAdminController.treeOrder(units)).extracting(OrgUnit::code)
			.containsExactly("co", "co-east", "co-east-1", "co-west", "co-west-2", "other");
	}

	@Test
	void aUnitWhoseParentIsHiddenStartsItsOwnTree() {
		List<OrgUnit> units = List.of(unit("co-east", "co", 1), unit("co-east-1", "co-east", 2));
		assertThat(UnitAdminController.treeOrder(units)).extracting(OrgUnit::code)
			.containsExactly("co-east", "co-east-1");
		assertThat(UnitAdminController.subtreeCodes(units, "co-east")).containsExactlyInAnyOrder("co-east",
				"co-east-1");
	}

	@Test
	void theLanguageSwitchReturnsOnlyToPathsOfThisSite() {
		assertThat(LanguageController.safeReturnPath("/admin/units?x=1")).isEqualTo("/admin/units?x=1");
		assertThat(LanguageController.safeReturnPath("//evil.example/")).isEqualTo("/");
		assertThat(LanguageController.safeReturnPath("/\\evil.example")).isEqualTo("/");
		assertThat(LanguageController.safeReturnPath("https://evil.example/")).isEqualTo("/");
		assertThat(LanguageController.safeReturnPath(null)).isEqualTo("/");
	}

	private static OrgUnit unit(String code, String parent, int level) {
		return new OrgUnit(code.length(), code, parent, OrgUnitKind.STORE, new LocalizedText(code, code),
				"Asia/Shanghai", level);
	}

}
