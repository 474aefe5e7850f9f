package org.opencxm.journeys;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.journeys.JourneyFixtures.createCompany;
import static org.opencxm.journeys.JourneyFixtures.createJourney;
import static org.opencxm.journeys.JourneyFixtures.touchpoint;
import static org.opencxm.journeys.JourneyFixtures.with;

@ApplicationTest
class TouchpointRefsTests {

	@Autowired
	Api api;

	@Autowired
	Touchpoints touchpoints;

	@Autowired
	Journeys journeys;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refsResolveCodesAndLeaveUnknownOnesOut() {
		String journey = createJourney(this.api);
		String company = createCompany(this.api);
		String office = Api.unique("office");
		String app = Api.unique("app");
		this.api.admin()
			.post("/api/v1/touchpoints", with(touchpoint(office, journey, "signing"), "ownerUnitCode", company + "-p1"))
			.expect(201);
		this.api.admin()
			.post("/api/v1/touchpoints", with(touchpoint(app, journey, "signing"), "channel", "APP"))
			.expect(201);
		String unknown = Api.unique("none");

		var refs = this.touchpoints.refsByCode(List.of(office, app, unknown));
		assertThat(refs).containsOnlyKeys(office, app);
		TouchpointRef ref = refs.get(office);
		assertThat(ref.stagePosition()).isEqualTo(2);
		assertThat(ref.ownerUnitId()).isNotNull();
		assertThat(ref.channel()).isEqualTo(Channel.STORE);
		assertThat(ref.active()).isTrue();
		assertThat(refs.get(app).ownerUnitId()).isNull();
		assertThat(this.touchpoints.ref(ref.id())).contains(ref);
		assertThat(this.touchpoints.ref(-1L)).isEmpty();
		assertThat(this.touchpoints.refsOfStage(ref.stageId()).stream().map(TouchpointRef::code).toList())
			.containsExactly(office, app);

		StageRef stage = this.journeys.stage(ref.stageId()).orElseThrow();
		assertThat(stage.code()).isEqualTo("signing");
		assertThat(stage.journeyId()).isEqualTo(ref.journeyId());
		assertThat(this.journeys.stagesOf(ref.journeyId()).stream().map(StageRef::code).toList())
			.containsExactlyElementsOf(JourneyFixtures.STAGES);
		assertThat(this.journeys.stage(-1L)).isEmpty();
		assertThat(this.journeys.lifecycleClassCodes()).contains("prospect", "contracted", "run-in", "stable");
	}

	@Test
	void refsAnswerFromMemoryAndFollowEveryWriteThroughTheApi() {
		String journey = createJourney(this.api);
		String code = Api.unique("tp");
		var body = touchpoint(code, journey, "waiting");
		this.api.admin().post("/api/v1/touchpoints", body).expect(201);
		assertThat(this.touchpoints.ref(code)).hasValueSatisfying((ref) -> assertThat(ref.active()).isTrue());

		// A change behind the service's back is not seen: lookups do not query.
		this.jdbc.sql("update touchpoint set channel = 'SMS' where code = :code").param("code", code).update();
		assertThat(this.touchpoints.ref(code).orElseThrow().channel()).isEqualTo(Channel.STORE);

		this.api.admin().put("/api/v1/touchpoints/" + code, with(body, "active", false)).expect(200);
		TouchpointRef changed = this.touchpoints.ref(code).orElseThrow();
		assertThat(changed.active()).isFalse();
		assertThat(changed.channel()).isEqualTo(Channel.STORE);

		this.api.admin().delete("/api/v1/touchpoints/" + code).expect(204);
		assertThat(this.touchpoints.refsByCode(List.of(code))).isEmpty();
	}

	@Test
	void aRejectedWriteLeavesTheRefsAsTheyWere() {
		String journey = createJourney(this.api);
		String code = Api.unique("tp");
		var body = touchpoint(code, journey, "waiting");
		this.api.admin().post("/api/v1/touchpoints", body).expect(201);
		this.api.admin()
			.put("/api/v1/touchpoints/" + code, with(with(body, "stageCode", "living"), "ownerUnitCode", "nowhere"))
			.expect(422);
		assertThat(this.touchpoints.ref(code).orElseThrow().stagePosition()).isEqualTo(3);
	}

}
