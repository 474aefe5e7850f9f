package org.opencxm.interactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ApplicationTest
class InteractionApiTests {

	@Autowired
	Api api;

	private String unit;

	private String otherUnit;

	private String journey;

	private Map<String, String> touchpoints;

	@BeforeEach
	void workspace() {
		String company = Api.unique("co");
		this.unit = company + "-a";
		this.otherUnit = company + "-b";
		this.api.admin()
			.post("/api/v1/org-units",
					Map.of("code", company, "kind", "COMPANY", "name", Map.of("zh-CN", "公司", "en", "Company")))
			.expect(201);
		for (String code : List.of(this.unit, this.otherUnit)) {
			this.api.admin()
				.post("/api/v1/org-units",
						Map.of("code", code, "parentCode", company, "kind", "PROJECT", "name",
								Map.of("zh-CN", "项目 " + code, "en", "Project " + code)))
				.expect(201);
		}
		this.journey = Api.unique("j");
		List<Map<String, Object>> stages = new ArrayList<>();
		for (String stage : List.of("viewing", "signing", "handover")) {
			stages.add(Map.of("code", stage, "name", Map.of("zh-CN", stage, "en", stage)));
		}
		this.api.admin()
			.post("/api/v1/journeys",
					Map.of("code", this.journey, "name", Map.of("zh-CN", "购房", "en", "Home"), "stages", stages))
			.expect(201);
		this.touchpoints = new HashMap<>();
		for (String stage : List.of("viewing", "signing", "handover")) {
			String code = Api.unique(stage);
			this.api.admin()
				.post("/api/v1/touchpoints",
						Map.of("code", code, "journeyCode", this.journey, "stageCode", stage, "name",
								Map.of("zh-CN", "触点 " + stage, "en", "Touchpoint " + stage), "contactType", "PERSONNEL",
								"channel", "STORE", "brandExperienceLevel", "SERVICE", "ownerUnitCode", this.unit))
				.expect(201);
			this.touchpoints.put(stage, code);
		}
	}

	private Map<String, Object> contact(String eventId, String customer, String stage, String at) {
		Map<String, Object> body = new HashMap<>();
		body.put("eventId", eventId);
		body.put("customer", customer);
		body.put("touchpoint", this.touchpoints.get(stage));
		body.put("occurredAt", at);
		return body;
	}

	@Test
	void recordsAContactAndCreatesAnUnknownCustomerAsABareProfile() {
		String customer = Api.unique("c");
		var body = contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z");
		body.put("properties", Map.of("visitors", 2, "source", "小红书"));
		var created = this.api.admin().post("/api/v1/interactions", body).expect(201);
		assertThat(created.header("Idempotent-Replayed")).isEqualTo("false");
		var json = created.json();
		assertThat(json.get("customer").asString()).isEqualTo(customer);
		assertThat(json.get("unit").asString()).isEqualTo(this.unit);
		assertThat(json.get("channel").asString()).isEqualTo("STORE");
		assertThat(json.get("stage").asString()).isEqualTo("viewing");
		assertThat(json.get("properties").get("source").asString()).isEqualTo("小红书");
		var profile = this.api.admin().get("/api/v1/customers/" + customer).expect(200).json();
		assertThat(profile.get("homeUnitCode").asString()).isEqualTo(this.unit);
	}

	@Test
	void aContactWithoutAUnitTakesTheStaffMembersUnitAsItIsNow() {
		String staff = Api.unique("st");
		this.api.admin().post("/api/v1/staff", Map.of("code", staff, "unitCode", this.unit, "name", "王芳")).expect(201);
		var body = contact(Api.unique("e"), Api.unique("c"), "viewing", "2026-03-01T10:00:00Z");
		body.put("staff", staff);
		assertThat(this.api.admin().post("/api/v1/interactions", body).expect(201).json().get("unit").asString())
			.isEqualTo(this.unit);
		this.api.admin()
			.put("/api/v1/staff/" + staff, Map.of("code", staff, "unitCode", this.otherUnit, "name", "王芳"))
			.expect(200);
		var moved = contact(Api.unique("e"), Api.unique("c"), "viewing", "2026-03-02T10:00:00Z");
		moved.put("staff", staff);
		assertThat(this.api.admin().post("/api/v1/interactions", moved).expect(201).json().get("unit").asString())
			.isEqualTo(this.otherUnit);
	}

	@Test
	void theAnswerToANewContactIsWhatReadingItBackShows() {
		var body = contact(Api.unique("e"), Api.unique("c"), "signing", "2026-03-01T10:00:00.123456Z");
		body.put("unit", this.unit);
		body.put("properties", Map.of("visitors", 2, "rating", 4.5, "visit", Map.of("floor", 12, "area", "east")));
		var created = this.api.admin().post("/api/v1/interactions", body).expect(201).json();
		var read = this.api.admin().get("/api/v1/interactions/" + created.get("id").asLong()).expect(200).json();
		assertThat(created).isEqualTo(read);
		var again = this.api.admin().post("/api/v1/interactions", body).expect(201).json();
		assertThat(again).isEqualTo(created);
	}

	@Test
	void theSameEventAgainAnswersAsTheFirstTimeAndStoresNothingNew() {
		String customer = Api.unique("c");
		var body = contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z");
		var first = this.api.admin().post("/api/v1/interactions", body).expect(201).json();
		var again = this.api.admin().post("/api/v1/interactions", body).expect(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json()).isEqualTo(first);
		var timeline = this.api.admin().get("/api/v1/customers/" + customer + "/timeline").expect(200).json();
		assertThat(timeline.get("contacts").get("total").asLong()).isEqualTo(1);
		body.put("occurredAt", "2026-03-02T10:00:00Z");
		var conflict = this.api.admin().post("/api/v1/interactions", body).expect(409).json();
		assertThat(conflict.get("current").get("id").asLong()).isEqualTo(first.get("id").asLong());
	}

	@Test
	void aBatchIsStoredWholeAndARetryDuplicatesNothing() {
		String customer = Api.unique("c");
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			items.add(contact(Api.unique("e"), (i < 3) ? customer : Api.unique("c"), "viewing",
					"2026-03-0" + (i + 1) + "T10:00:00Z"));
		}
		var result = this.api.admin().post("/api/v1/interactions/batch", Map.of("items", items)).expect(200).json();
		assertThat(result.get("created").asInt()).isEqualTo(5);
		var retry = this.api.admin().post("/api/v1/interactions/batch", Map.of("items", items)).expect(200).json();
		assertThat(retry.get("created").asInt()).isZero();
		assertThat(retry.get("duplicates").asInt()).isEqualTo(5);
		assertThat(retry.get("items").get(2).get("id").asLong())
			.isEqualTo(result.get("items").get(2).get("id").asLong());
		assertThat(this.api.admin()
			.get("/api/v1/customers/" + customer + "/timeline")
			.expect(200)
			.json()
			.get("contacts")
			.get("total")
			.asLong()).isEqualTo(3);
	}

	@Test
	void aBatchWithBadItemsStoresNothingAndNamesEveryBadItem() {
		String customer = Api.unique("c");
		List<Map<String, Object>> items = new ArrayList<>();
		items.add(contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z"));
		var unknownTouchpoint = contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z");
		unknownTouchpoint.put("touchpoint", "no-such-touchpoint");
		items.add(unknownTouchpoint);
		var noTime = contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z");
		noTime.remove("occurredAt");
		items.add(noTime);
		var badUnit = contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z");
		badUnit.put("unit", "no-such-unit");
		items.add(badUnit);
		var problem = this.api.admin().post("/api/v1/interactions/batch", Map.of("items", items)).expect(422).json();
		var errors = problem.get("errors");
		assertThat(errors.valueStream().map((e) -> e.get("index").asInt() + ":" + e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("1:touchpoint", "2:occurredAt", "3:unit");
		this.api.admin().get("/api/v1/customers/" + customer).expect(404);
	}

	@Test
	void manyRequestsInARowDoNotExhaustTheConnectionPool() {
		String customer = Api.unique("c");
		for (int i = 0; i < 45; i++) {
			long id = this.api.admin()
				.post("/api/v1/interactions", contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z"))
				.expect(201)
				.json()
				.get("id")
				.asLong();
			this.api.admin().get("/api/v1/interactions/" + id).expect(200);
		}
	}

	@Test
	void concurrentBatchesSharingNewCustomersAllSucceed() throws Exception {
		int rounds = 12;
		int senders = 6;
		List<List<String>> customers = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				ids.add(Api.unique("c"));
			}
			customers.add(ids);
		}
		List<Callable<Integer>> work = new ArrayList<>();
		for (int sender = 0; sender < senders; sender++) {
			work.add(() -> {
				int created = 0;
				for (List<String> ids : customers) {
					List<Map<String, Object>> items = new ArrayList<>();
					for (String customer : ids) {
						items.add(contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z"));
					}
					created += this.api.admin()
						.post("/api/v1/interactions/batch", Map.of("items", items))
						.expect(200)
						.json()
						.get("created")
						.asInt();
				}
				return created;
			});
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
			int created = 0;
			for (Future<Integer> result : pool.invokeAll(work)) {
				created += result.get();
			}
			assertThat(created).isEqualTo(rounds * senders * 60);
		}
		String customer = customers.get(rounds - 1).get(0);
		assertThat(this.api.admin()
			.get("/api/v1/customers/" + customer + "/timeline")
			.expect(200)
			.json()
			.get("contacts")
			.get("total")
			.asLong()).isEqualTo(senders);
	}

	@Test
	void batchesAreLimitedToAThousandItems() {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			items.add(contact("e" + i, "c", "viewing", "2026-03-01T10:00:00Z"));
		}
		var problem = this.api.admin().post("/api/v1/interactions/batch", Map.of("items", items)).expect(422).json();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("items");
		this.api.admin().post("/api/v1/interactions/batch", Map.of("items", List.of())).expect(422);
	}

	@Test
	void aLaterStageMovesTheCustomerForwardButNeverBack() {
		String customer = Api.unique("c");
		this.api.admin()
			.post("/api/v1/interactions", contact(Api.unique("e"), customer, "signing", "2026-03-05T10:00:00Z"))
			.expect(201);
		this.api.admin()
			.post("/api/v1/interactions", contact(Api.unique("e"), customer, "viewing", "2026-03-09T10:00:00Z"))
			.expect(201);
		var journeys = this.api.admin()
			.get("/api/v1/customers/" + customer + "/timeline")
			.expect(200)
			.json()
			.get("journeys");
		assertThat(journeys.get(0).get("stage").asString()).isEqualTo("signing");
		this.api.admin()
			.post("/api/v1/interactions", contact(Api.unique("e"), customer, "handover", "2026-04-01T10:00:00Z"))
			.expect(201);
		var timeline = this.api.admin().get("/api/v1/customers/" + customer + "/timeline").expect(200).json();
		assertThat(timeline.get("journeys").get(0).get("stage").asString()).isEqualTo("handover");
		assertThat(timeline.get("journeys").get(0).get("journey").asString()).isEqualTo(this.journey);
		assertThat(timeline.get("contacts").get("items").get(0).get("stage").asString()).isEqualTo("handover");
	}

	@Test
	void scopedAgentsRecordAndReadOnlyWithinTheirUnits() {
		String agent = this.api.userToken("AGENT", this.unit);
		String customer = Api.unique("c");
		var own = contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z");
		long id = this.api.as(agent).post("/api/v1/interactions", own).expect(201).json().get("id").asLong();
		var elsewhere = contact(Api.unique("e"), Api.unique("c"), "viewing", "2026-03-01T10:00:00Z");
		elsewhere.put("unit", this.otherUnit);
		var refused = this.api.as(agent).post("/api/v1/interactions", elsewhere).expect(422).json();
		assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("unit");
		long hidden = this.api.admin().post("/api/v1/interactions", elsewhere).expect(201).json().get("id").asLong();
		this.api.as(agent).get("/api/v1/interactions/" + id).expect(200);
		this.api.as(agent).get("/api/v1/interactions/" + hidden).expect(404);
		var listed = this.api.as(agent)
			.get("/api/v1/interactions?touchpoint=" + this.touchpoints.get("viewing"))
			.expect(200)
			.json();
		assertThat(listed.get("total").asLong()).isEqualTo(1);
		String viewer = this.api.userToken("VIEWER", null);
		this.api.as(viewer)
			.post("/api/v1/interactions", contact(Api.unique("e"), customer, "viewing", "2026-03-01T10:00:00Z"))
			.expect(403);
	}

	@Test
	void badInputIsRefusedWithTheField() {
		var body = contact(Api.unique("e"), Api.unique("c"), "viewing", "yesterday");
		assertThat(this.api.admin()
			.post("/api/v1/interactions", body)
			.expect(400)
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("occurredAt");
		var badChannel = contact(Api.unique("e"), Api.unique("c"), "viewing", "2026-03-01T10:00:00Z");
		badChannel.put("channel", "PIGEON");
		this.api.admin().post("/api/v1/interactions", badChannel).expect(400);
		var tooManyProperties = contact(Api.unique("e"), Api.unique("c"), "viewing", "2026-03-01T10:00:00Z");
		Map<String, Object> properties = new HashMap<>();
		for (int i = 0; i < 51; i++) {
			properties.put("p" + i, i);
		}
		tooManyProperties.put("properties", properties);
		assertThat(this.api.admin()
			.post("/api/v1/interactions", tooManyProperties)
			.expect(422)
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("properties");
	}

}
