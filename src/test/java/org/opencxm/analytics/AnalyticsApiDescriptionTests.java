package org.opencxm.analytics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's description names the slice filters of the metrics and the unit ranking as
 * requests give them.
 */
@ApplicationTest
class AnalyticsApiDescriptionTests {

	@Autowired
	Api api;

	@Test
	void theSliceFiltersAreDescribedByTheirDimensionCodes() {
		JsonNode paths = this.api.anonymous().get("/v3/api-docs").expect(200).json().get("paths");
		for (String path : List.of("/api/v1/analytics/metrics", "/api/v1/analytics/units")) {
			assertThat(paths.get(path).get("get").get("parameters").findValuesAsString("name")).as(path)
				.contains("touchpoint", "stage", "unit", "channel", "lifecycle-class", "value-tier", "age-band",
						"survey");
		}
	}

}
