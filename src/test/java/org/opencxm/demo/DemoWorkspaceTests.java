package org.opencxm.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencxm.Api;
import org.opencxm.customers.AgeBand;
import org.opencxm.customers.CustomerRequest;
import org.opencxm.customers.ValueTier;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo workspace as a user meets it: loaded on first start into an empty database and
 * read through the HTTP API.
 *
 * <p>
 * Only on H2, where every test context has a database of its own. On PostgreSQL the test
 * contexts share one database that other tests have filled already, and the demo loads
 * only into a database without org units; the loader writes through the same services
 * whose own tests run on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "opencxm.demo=true", "opencxm.demo-password=" + DemoWorkspaceTests.PASSWORD })
@Import(Api.class)
@Tag("database")
@DisabledIfSystemProperty(named = "opencxm.test.database", matches = "postgres",
		disabledReason = "the demo loads only into an empty database; the PostgreSQL pass shares one")
@ExtendWith(OutputCaptureExtension.class)
class DemoWorkspaceTests {

	static final String PASSWORD = "demo-password-for-tests";

	private static final List<String> EAST_PROJECTS = List.of("huafu-sh-riverside", "huafu-hz-westlake",
			"huafu-nj-zijin");

	@Autowired
	Api api;

	@Autowired
	DemoLoader loader;

	@Autowired
	Clock clock;

	@Test
	void logsWhatItLoadedAndHowLongItTook(CapturedOutput output) {
		assertThat(output.getAll()).containsPattern("Loaded the demo workspace in \\d+\\.\\d s: 32 org units, "
				+ "140 staff, 3 journeys with \\d+ touchpoints, 5500 customers, \\d+ interactions, 4 demo users, "
				+ "5 surveys with 30 triggers, \\d+ responses, 4 alert rules, \\d+ cases");
		assertThat(output.getAll()).contains("have the password from OPENCXM_DEMO_PASSWORD").doesNotContain(PASSWORD);
	}

	@Test
	void holdsThousandsOfCustomersAndAYearOfInteractions() {
		assertThat(total("/api/v1/customers?size=1")).isEqualTo(5500);
		assertThat(total("/api/v1/interactions?size=1")).isGreaterThanOrEqualTo(50_000);
		assertThat(total("/api/v1/staff?size=1")).isEqualTo(140);
	}

	@Test
	void definesTheThreeJourneysInBothLanguages() {
		JsonNode journeys = this.api.admin().get("/api/v1/journeys").expect(200).json().get("items");
		assertThat(journeys.valueStream().map((journey) -> journey.get("code").asString()))
			.containsExactly("bank-branch", "phone-retail", "real-estate");
		JsonNode realEstate = this.api.admin().get("/api/v1/journeys/real-estate").expect(200).json();
		assertThat(realEstate.get("stages").valueStream().map((stage) -> stage.get("name").get("zh-CN").asString()))
			.containsExactly("看房", "签约", "等待", "交房", "入住", "生活");
		assertThat(realEstate.get("lifecycleClasses").valueStream().map((c) -> c.get("name").get("en").asString()))
			.containsExactly("Prospect", "Contracted", "Run-in", "Stable");
		JsonNode salesOffice = this.api.admin().get("/api/v1/touchpoints/re-sales-office").expect(200).json();
		assertThat(salesOffice.get("standardActions").valueStream().map((a) -> a.get("name").get("zh-CN").asString()))
			.contains("不利因素公示", "合同及贷款风险提示", "三天无理由退房承诺", "投诉电话公示");
		assertThat(salesOffice.get("atomic").asBoolean()).isFalse();
		JsonNode counter = this.api.admin().get("/api/v1/touchpoints/bk-counter").expect(200).json();
		assertThat(counter.get("standardActions").valueStream().map((a) -> a.get("name").get("zh-CN").asString()))
			.containsExactly("迎", "问", "接", "办", "销", "递", "送");
		assertThat(counter.get("standardActions").valueStream().map((a) -> a.get("name").get("en").asString()))
			.containsExactly("Greet", "Ask", "Receive", "Handle", "Offer", "Hand over", "See off");
		JsonNode phone = this.api.admin().get("/api/v1/journeys/phone-retail").expect(200).json();
		assertThat(phone.get("stages").valueStream().map((stage) -> stage.get("code").asString()))
			.containsExactly("discover", "try", "buy", "use", "after-sales");
	}

	@Test
	void spreadsCustomersOverAgeBandsValueTiersAndLifecycleClasses() {
		Set<AgeBand> bands = EnumSet.noneOf(AgeBand.class);
		Set<ValueTier> tiers = EnumSet.noneOf(ValueTier.class);
		Set<String> classes = new HashSet<>();
		for (JsonNode customer : customers(this.api.admin(), "")) {
			bands.add(AgeBand.valueOf(customer.get("ageBand").asString()));
			tiers.add(ValueTier.valueOf(customer.get("valueTier").asString()));
			if (customer.hasNonNull("lifecycleClass")) {
				classes.add(customer.get("lifecycleClass").asString());
			}
		}
		assertThat(bands).containsExactlyInAnyOrder(AgeBand.values());
		assertThat(tiers).containsExactlyInAnyOrder(ValueTier.values());
		assertThat(classes).containsExactlyInAnyOrder("prospect", "contracted", "run-in", "stable");
		assertThat(total("/api/v1/customers?valueTier=VIP&size=1"))
			.isLessThan(total("/api/v1/customers?valueTier=LOW&size=1"));
	}

	@Test
	void loadsTheSameCustomersEveryTime() {
		JsonNode first = this.api.admin().get("/api/v1/customers/hf-00001").expect(200).json();
		assertThat(first.get("name").asString()).isEqualTo("罗若曦");
		assertThat(first.get("phone").asString()).isEqualTo("13612353597");
		assertThat(first.get("homeUnitCode").asString()).isEqualTo("huafu-gz-pearl");
		DemoPopulation population = new DemoPopulation(DemoCatalog.load(), new DemoStory(), Names.load(),
				this.clock.instant());
		List<DemoCustomer> generated = population.customers();
		List<JsonNode> stored = customers(this.api.admin(), "");
		for (int i : List.of(0, 1, 2, 2400, 3900, 5499)) {
			CustomerRequest expected = generated.get(i).profile();
			JsonNode actual = stored.get(i);
			assertThat(actual.get("externalId").asString()).isEqualTo(expected.externalId());
			assertThat(actual.get("name").asString()).isEqualTo(expected.name());
			assertThat(actual.get("email").asString()).isEqualTo(expected.email());
			assertThat(actual.get("homeUnitCode").asString()).isEqualTo(expected.homeUnitCode());
		}
		assertThat(total("/api/v1/interactions?size=1")).isEqualTo(DemoPopulation.contacts(generated).size());
	}

	@Test
	void letsEachDemoUserSignInWithItsRoleAndScope() {
		assertThat(me("cx.manager").get("roles").get(0).asString()).isEqualTo("CX_MANAGER");
		JsonNode east = me("east.manager");
		assertThat(east.get("roles").get(0).asString()).isEqualTo("UNIT_MANAGER");
		assertThat(east.get("scopeUnitCode").asString()).isEqualTo("huafu-east");
		JsonNode agent = me("riverside.agent");
		assertThat(agent.get("scopeUnitCode").asString()).isEqualTo("huafu-sh-riverside");
		assertThat(agent.get("staffCode").asString()).isEqualTo("huafu-sh-riverside-consultant-1");
		assertThat(me("viewer").get("locale").asString()).isEqualTo("en");
		this.api.basic("viewer", PASSWORD).post("/api/v1/customers", Map.of("externalId", "x-1")).expect(403);
	}

	@Test
	void showsScopedDemoUsersOnlyTheirSubtree() {
		Api.Caller east = this.api.basic("east.manager", PASSWORD);
		assertThat(east.get("/api/v1/org-units")
			.expect(200)
			.json()
			.get("items")
			.valueStream()
			.map((unit) -> unit.get("code").asString()))
			.containsExactlyInAnyOrder("huafu-east", "huafu-sh-riverside", "huafu-hz-westlake", "huafu-nj-zijin");
		List<JsonNode> seen = customers(east, "");
		assertThat(seen).hasSize((int) total("/api/v1/customers?unit=huafu-east&size=1"))
			.allSatisfy((customer) -> assertThat(EAST_PROJECTS).contains(customer.get("homeUnitCode").asString()));
		long eastInteractions = east.get("/api/v1/interactions?size=1").expect(200).json().get("total").asLong();
		assertThat(eastInteractions).isPositive().isLessThan(total("/api/v1/interactions?size=1") / 3);
		Api.Caller agent = this.api.basic("riverside.agent", PASSWORD);
		assertThat(customers(agent, "")).allSatisfy(
				(customer) -> assertThat(customer.get("homeUnitCode").asString()).isEqualTo("huafu-sh-riverside"));
		agent.get("/api/v1/customers/hx-00001").expect(404);
		agent.get("/api/v1/org-units/hengxin").expect(404);
	}

	@Test
	void tellsItsStoryInTheInteractions() {
		double wangjing = averageOf("waitMinutes", "hengxin-bj-wangjing", "bk-queue-ticket");
		double lujiazui = averageOf("waitMinutes", "hengxin-sh-lujiazui", "bk-queue-ticket");
		assertThat(wangjing).isGreaterThan(2 * lujiazui);
		double yuzhou = averageOf("defectsFound", "huafu-cq-yuzhou", "re-handover-inspection");
		double riverside = averageOf("defectsFound", "huafu-sh-riverside", "re-handover-inspection");
		assertThat(yuzhou).isGreaterThan(2 * riverside);
		double flagship = averageOf("trialMinutes", "xingyao-sh-flagship", "ph-hands-on");
		double sanlitun = averageOf("trialMinutes", "xingyao-bj-sanlitun", "ph-hands-on");
		assertThat(flagship).isGreaterThan(1.25 * sanlitun);
	}

	@Test
	void answersTwentyThousandSurveysThatEveryModuleHasSeenOnce() {
		long responses = total("/api/v1/responses?size=1");
		assertThat(responses).isGreaterThanOrEqualTo(20_000);
		assertThat(this.api.admin().get("/api/v1/survey-triggers").expect(200).json().size()).isEqualTo(30);
		long rolledUp = nps("grain=quarter").stream().mapToLong((point) -> point.get("figure").get("n").asLong()).sum();
		assertThat(rolledUp).isEqualTo(responses);
		JsonNode oldest = this.api.admin()
			.get("/api/v1/responses?size=1&page=" + (responses - 1))
			.expect(200)
			.json()
			.get("items")
			.get(0);
		this.api.admin().get("/api/v1/responses/" + oldest.get("id").asLong() + "/evaluation").expect(200);
		assertThat(oldest.get("interactionId").isNumber()).isTrue();
	}

	@Test
	void answersTheSameEveryTime() {
		DemoCatalog catalog = DemoCatalog.load();
		List<DemoCustomer> customers = new DemoPopulation(catalog, new DemoStory(), Names.load(), this.clock.instant())
			.customers();
		List<DemoResponses.Planned> planned = new DemoResponses(catalog, new DemoStory(), DemoComments.load(),
				this.clock.instant())
			.plan(customers);
		long responses = total("/api/v1/responses?size=1");
		assertThat(responses).isEqualTo(planned.size());
		JsonNode oldest = this.api.admin()
			.get("/api/v1/responses?size=1&page=" + (responses - 1))
			.expect(200)
			.json()
			.get("items")
			.get(0);
		DemoResponses.Planned first = planned.get(0);
		assertThat(java.time.Instant.parse(oldest.get("submittedAt").asString())).isEqualTo(first.submittedAt());
		assertThat(oldest.get("surveyCode").asString()).isEqualTo(first.survey());
		assertThat(answer(oldest, "nps").get("value").asInt()).isEqualTo(first.answers().get("nps").asInt());
	}

	@Test
	void tellsItsStoryInTheScores() {
		Map<String, Double> queues = npsByUnit("touchpoint=bk-queue-ticket");
		double wangjing = queues.remove("hengxin-bj-wangjing");
		assertThat(queues).hasSize(5).allSatisfy((unit, nps) -> assertThat(wangjing).isLessThan(nps - 40));
		Map<String, Double> inspections = npsByUnit("touchpoint=re-handover-inspection");
		double yuzhou = inspections.remove("huafu-cq-yuzhou");
		assertThat(inspections).hasSize(7).allSatisfy((unit, nps) -> assertThat(yuzhou).isLessThan(nps - 40));
		List<JsonNode> southwest = nps("grain=month&unit=huafu-west");
		assertThat(pooled(southwest.subList(southwest.size() - 3, southwest.size())))
			.isGreaterThan(pooled(southwest.subList(0, 3)) + 15);
	}

	@Test
	void holdsCommentsInBothLanguages() {
		int chinese = 0;
		int english = 0;
		JsonNode items = this.api.admin()
			.get("/api/v1/responses?survey=touchpoint&size=500")
			.expect(200)
			.json()
			.get("items");
		for (JsonNode response : items) {
			JsonNode comment = answer(response, "comment");
			if (comment == null) {
				continue;
			}
			if (response.get("language").asString().equals("en")) {
				english++;
				assertThat(comment.get("text").asString()).doesNotContainPattern("\\p{IsHan}");
			}
			else {
				chinese++;
				assertThat(comment.get("text").asString()).containsPattern("\\p{IsHan}");
			}
		}
		assertThat(chinese).isGreaterThan(50);
		assertThat(english).isGreaterThan(5);
	}

	@Test
	void keepsTheLoopClosingWithCasesInEveryState() {
		assertThat(this.api.admin().get("/api/v1/alert-rules").expect(200).json().size()).isEqualTo(4);
		for (String status : List.of("NEW", "ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED", "CLOSED")) {
			assertThat(total("/api/v1/cases?size=1&status=" + status)).as(status).isPositive();
		}
	}

	private static @org.jspecify.annotations.Nullable JsonNode answer(JsonNode response, String question) {
		return response.get("answers")
			.valueStream()
			.filter((answer) -> answer.get("questionCode").asString().equals(question))
			.findFirst()
			.orElse(null);
	}

	private List<JsonNode> nps(String query) {
		java.time.LocalDate today = java.time.LocalDate.now(this.clock.withZone(DemoPopulation.ZONE));
		return this.api.admin()
			.get("/api/v1/analytics/metrics?metric=nps&from=" + today.minusDays(400) + "&to=" + today + "&" + query)
			.expect(200)
			.json()
			.get("points")
			.valueStream()
			.toList();
	}

	/**
	 * The NPS of each unit over the year, from quarterly figures weighted by their size.
	 */
	private Map<String, Double> npsByUnit(String query) {
		Map<String, List<JsonNode>> byUnit = new java.util.HashMap<>();
		nps("grain=quarter&by=unit&" + query).forEach((point) -> byUnit
			.computeIfAbsent(point.get("group").get("unit").asString(), (unit) -> new ArrayList<>())
			.add(point));
		Map<String, Double> nps = new java.util.HashMap<>();
		byUnit.forEach((unit, points) -> nps.put(unit, pooled(points)));
		return nps;
	}

	private static double pooled(List<JsonNode> points) {
		double sum = 0;
		long n = 0;
		for (JsonNode point : points) {
			long size = point.get("figure").get("n").asLong();
			sum += size * point.get("figure").get("value").asDouble();
			n += size;
		}
		return sum / n;
	}

	@Test
	void loadsOnlyOnce() throws Exception {
		long before = total("/api/v1/interactions?size=1");
		ApplicationArguments none = new DefaultApplicationArguments();
		this.loader.run(none);
		assertThat(total("/api/v1/interactions?size=1")).isEqualTo(before);
		assertThat(total("/api/v1/customers?size=1")).isEqualTo(5500);
	}

	private long total(String path) {
		return this.api.admin().get(path).expect(200).json().get("total").asLong();
	}

	private JsonNode me(String username) {
		return this.api.basic(username, PASSWORD).get("/api/v1/users/me").expect(200).json();
	}

	private double averageOf(String property, String unit, String touchpoint) {
		JsonNode items = this.api.admin()
			.get("/api/v1/interactions?unit=" + unit + "&touchpoint=" + touchpoint + "&size=500")
			.expect(200)
			.json()
			.get("items");
		assertThat(items.size()).isGreaterThan(10);
		return items.valueStream()
			.mapToInt((item) -> item.get("properties").get(property).asInt())
			.average()
			.orElseThrow();
	}

	/** Every customer the caller sees, in id order. */
	private static List<JsonNode> customers(Api.Caller caller, String query) {
		List<JsonNode> customers = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode items = caller.get("/api/v1/customers?size=500&page=" + page + query)
				.expect(200)
				.json()
				.get("items");
			items.valueStream().forEach(customers::add);
			if (items.size() < 500) {
				return customers;
			}
		}
	}

}
