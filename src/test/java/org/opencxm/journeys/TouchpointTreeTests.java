package org.opencxm.journeys;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;

import static org.assertj.core.api.Assertions.assertThat;

class TouchpointTreeTests {

	private static Touchpoint touchpoint(String code, String journey, String stage, @Nullable String parent) {
		return new Touchpoint(code.hashCode(), code, journey, stage, parent, 1, new LocalizedText(code, code), null,
				ContactType.PERSONNEL, Channel.STORE, List.of(), BrandExperienceLevel.SERVICE, 1.0, 1.0, null,
				List.of(), true, true);
	}

	@Test
	void treesKeepSiblingOrderAndSeparateStagesOfDifferentJourneys() {
		var trees = TouchpointViews.treesByStage(List.of(touchpoint("office", "home", "viewing", null),
				touchpoint("hotline", "home", "viewing", null), touchpoint("model", "home", "viewing", "office"),
				touchpoint("kitchen", "home", "viewing", "model"), touchpoint("tour", "home", "viewing", "office"),
				touchpoint("shop", "retail", "viewing", null)));
		var home = trees.get(new TouchpointViews.StageKey("home", "viewing"));
		assertThat(home).extracting((node) -> node.touchpoint().code()).containsExactly("office", "hotline");
		assertThat(home.get(0).children()).extracting((node) -> node.touchpoint().code())
			.containsExactly("model", "tour");
		assertThat(home.get(0).children().get(0).children()).extracting((node) -> node.touchpoint().code())
			.containsExactly("kitchen");
		assertThat(trees.get(new TouchpointViews.StageKey("retail", "viewing")))
			.extracting((node) -> node.touchpoint().code())
			.containsExactly("shop");
	}

	@Test
	void semModulesAreStoredAndReadInTheirCanonicalOrder() {
		String stored = TouchpointViews.semModules(Set.of(SemModule.RELATE, SemModule.SENSE, SemModule.ACT));
		assertThat(stored).isEqualTo("SENSE,ACT,RELATE");
		assertThat(TouchpointViews.semModules(stored)).containsExactly(SemModule.SENSE, SemModule.ACT,
				SemModule.RELATE);
		assertThat(TouchpointViews.semModules(Set.of())).isEmpty();
		assertThat(TouchpointViews.semModules("")).isEmpty();
		assertThat(TouchpointViews.semModules(TouchpointViews.semModules(EnumSet.allOf(SemModule.class))))
			.containsExactly(SemModule.values());
	}

}
