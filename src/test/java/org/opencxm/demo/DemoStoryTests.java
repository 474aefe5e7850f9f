package org.opencxm.demo;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The story behind the demo data: where the experience is weak or strong.
 */
class DemoStoryTests {

	private final DemoStory story = new DemoStory();

	private final DemoCatalog catalog = DemoCatalog.load();

	@Test
	void placesEverySpotAtATouchpointAndUnitOfTheCatalogue() {
		Set<String> touchpoints = this.catalog.stageOfTouchpoint().keySet();
		Set<String> units = this.catalog.allUnits().stream().map(DemoCatalog.Unit::code).collect(Collectors.toSet());
		assertThat(this.story.spots()).allSatisfy((spot) -> {
			assertThat(touchpoints).contains(spot.touchpointCode());
			if (spot.unitCode() != null) {
				assertThat(units).contains(spot.unitCode());
			}
			assertThat(spot.explanation().zh()).isNotBlank();
			assertThat(spot.explanation().en()).isNotBlank();
		});
	}

	@Test
	void tellsWeakSpotsFromStrongOnes() {
		assertThat(this.story.weakSpots()).hasSize(5).allSatisfy((spot) -> assertThat(spot.quality()).isLessThan(0.5));
		assertThat(this.story.strongSpots()).hasSize(4)
			.allSatisfy((spot) -> assertThat(spot.quality()).isGreaterThan(0.9));
		assertThat(this.story.spots()).hasSize(9);
	}

	@Test
	void answersTheQualityOfASpotThere() {
		assertThat(this.story.quality("huafu-cq-yuzhou", "re-handover-inspection")).isEqualTo(0.22);
		assertThat(this.story.quality("hengxin-bj-wangjing", "bk-queue-ticket")).isEqualTo(0.25);
		assertThat(this.story.quality("xingyao-sh-flagship", "ph-hands-on")).isEqualTo(0.95);
	}

	@Test
	void appliesASpotWithoutUnitEverywhere() {
		for (String project : this.catalog.unitsOf("huafu", org.opencxm.org.OrgUnitKind.PROJECT)) {
			assertThat(this.story.quality(project, "re-progress-report")).isEqualTo(0.38);
		}
		assertThat(this.story.spotAt("huafu-km-dianchi", "re-progress-report"))
			.hasValueSatisfying((spot) -> assertThat(spot.unitCode()).isNull());
	}

	@Test
	void answersATypicalQualityElsewhereTheSameEveryTime() {
		double inspection = this.story.quality("huafu-sh-riverside", "re-handover-inspection");
		assertThat(inspection).isCloseTo(DemoStory.TYPICAL, within(0.1));
		assertThat(this.story.quality("huafu-sh-riverside", "re-handover-inspection")).isEqualTo(inspection);
		assertThat(new DemoStory().quality("huafu-sh-riverside", "re-handover-inspection")).isEqualTo(inspection);
		assertThat(this.story.quality("hengxin-sh-lujiazui", "bk-queue-ticket")).isBetween(0.6, 0.9);
		assertThat(this.story.spotAt("huafu-sh-riverside", "re-handover-inspection")).isEmpty();
	}

}
