package org.opencxm.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.opencxm.interactions.InteractionRequest;
import org.opencxm.shared.LanguageTag;
import org.opencxm.text.SentimentLabel;
import org.opencxm.text.TextAnalyzer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's answered surveys on their own, without a database: enough of them, the same
 * every time, and telling the story.
 */
class DemoResponsesTests {

	private static final Instant NOW = Instant.parse("2026-03-15T04:00:00Z");

	private static final DemoCatalog CATALOG = DemoCatalog.load();

	private static final List<DemoCustomer> CUSTOMERS = new DemoPopulation(CATALOG, new DemoStory(), Names.load(), NOW)
		.customers();

	private static final Map<String, InteractionRequest> CONTACTS = new HashMap<>();

	private static final Map<String, LanguageTag> LANGUAGES = new HashMap<>();

	static {
		for (DemoCustomer customer : CUSTOMERS) {
			for (InteractionRequest contact : customer.contacts()) {
				CONTACTS.put(contact.eventId(), contact);
				LANGUAGES.put(contact.eventId(), customer.profile().language());
			}
		}
	}

	private static final List<DemoResponses.Planned> RESPONSES = plan(NOW);

	@Test
	void answersAtLeastTwentyThousandSurveysOverTheYear() {
		assertThat(RESPONSES).hasSizeGreaterThanOrEqualTo(20_000);
		assertThat(RESPONSES).extracting(DemoResponses.Planned::responseKey).doesNotHaveDuplicates();
		assertThat(RESPONSES).allSatisfy((response) -> {
			InteractionRequest contact = CONTACTS.get(response.eventId());
			assertThat(response.submittedAt()).isAfter(contact.occurredAt()).isBefore(NOW);
			assertThat(response.language()).isEqualTo(LANGUAGES.get(response.eventId()));
		});
		assertThat(RESPONSES.get(0).submittedAt()).isBefore(NOW.minus(Duration.ofDays(330)));
	}

	@Test
	void isTheSameEveryTime() {
		assertThat(plan(NOW)).isEqualTo(RESPONSES);
	}

	@Test
	void followsOnlyContactsAtTriggeredTouchpoints() {
		List<String> triggered = DemoResponses.TRIGGERS.stream().map(DemoResponses.Trigger::touchpoint).toList();
		assertThat(RESPONSES)
			.allSatisfy((response) -> assertThat(triggered).contains(CONTACTS.get(response.eventId()).touchpoint()));
		assertThat(RESPONSES).extracting((response) -> CONTACTS.get(response.eventId()).touchpoint())
			.containsAll(triggered);
	}

	@Test
	void scoresWeakSpotsClearlyBelowTheirPeers() {
		double wangjing = nps(at("hengxin-bj-wangjing", "bk-queue-ticket"));
		double otherBranches = nps(at(null, "bk-queue-ticket").and(not(at("hengxin-bj-wangjing", null))));
		assertThat(wangjing).isLessThan(otherBranches - 40);
		double yuzhou = nps(at("huafu-cq-yuzhou", "re-handover-inspection"));
		double otherProjects = nps(at(null, "re-handover-inspection").and(not(at("huafu-cq-yuzhou", null))));
		assertThat(yuzhou).isLessThan(otherProjects - 40);
		double lujiazui = nps(at("hengxin-sh-lujiazui", "bk-counter"));
		assertThat(lujiazui).isGreaterThan(nps(at(null, "bk-counter").and(not(at("hengxin-sh-lujiazui", null)))) + 20);
	}

	@Test
	void showsTheSouthwestRegionImprovingOverTheYear() {
		List<String> southwest = CATALOG.unitsOf(DemoResponses.IMPROVING_REGION, org.opencxm.org.OrgUnitKind.PROJECT);
		Predicate<DemoResponses.Planned> inRegion = (response) -> southwest
			.contains(CONTACTS.get(response.eventId()).unit());
		double early = nps(inRegion.and(within(365, 270)));
		double late = nps(inRegion.and(within(90, 0)));
		assertThat(late).isGreaterThan(early + 15);
	}

	@Test
	void writesCommentsInTheCustomersLanguageThatReadAsTheyScored() {
		TextAnalyzer analyzer = new TextAnalyzer();
		List<String> praise = new ArrayList<>();
		List<String> complaints = new ArrayList<>();
		int chinese = 0;
		int english = 0;
		for (DemoResponses.Planned response : RESPONSES) {
			if (!response.answers().containsKey("comment")) {
				continue;
			}
			String comment = response.answers().get("comment").asString();
			int score = response.answers().get("nps").asInt();
			if (response.language() == LanguageTag.EN) {
				english++;
				assertThat(comment).doesNotContainPattern("\\p{IsHan}");
			}
			else {
				chinese++;
				assertThat(comment).containsPattern("\\p{IsHan}");
			}
			assertThat(comment).doesNotContain("{");
			if (score >= 9) {
				praise.add(comment);
			}
			else if (score <= 6) {
				complaints.add(comment);
			}
		}
		assertThat(chinese).isGreaterThan(4000);
		assertThat(english).isGreaterThan(500);
		assertThat(share(praise, analyzer, SentimentLabel.POSITIVE)).isGreaterThan(0.85);
		assertThat(share(complaints, analyzer, SentimentLabel.NEGATIVE)).isGreaterThan(0.85);
		assertThat(complaints).anyMatch((comment) -> comment.contains("等了"))
			.anyMatch((comment) -> comment.contains("太"))
			.anyMatch((comment) -> comment.contains("waited"));
		assertThat(praise.stream().distinct().count()).isGreaterThan(praise.size() / 4);
	}

	private static double share(List<String> comments, TextAnalyzer analyzer, SentimentLabel label) {
		return comments.stream().filter((comment) -> analyzer.analyze(comment).label() == label).count()
				/ (double) comments.size();
	}

	private static Predicate<DemoResponses.Planned> at(String unit, String touchpoint) {
		return (response) -> {
			InteractionRequest contact = CONTACTS.get(response.eventId());
			return (unit == null || unit.equals(contact.unit()))
					&& (touchpoint == null || touchpoint.equals(contact.touchpoint()));
		};
	}

	private static Predicate<DemoResponses.Planned> within(int fromDaysBack, int toDaysBack) {
		return (response) -> response.submittedAt().isAfter(NOW.minus(Duration.ofDays(fromDaysBack)))
				&& response.submittedAt().isBefore(NOW.minus(Duration.ofDays(toDaysBack)));
	}

	private static <T> Predicate<T> not(Predicate<T> predicate) {
		return predicate.negate();
	}

	/** The NPS of the matching responses, from -100 to 100. */
	private static double nps(Predicate<DemoResponses.Planned> which) {
		List<Integer> scores = RESPONSES.stream()
			.filter(which)
			.map((response) -> response.answers().get("nps").asInt())
			.toList();
		assertThat(scores).hasSizeGreaterThan(30);
		long promoters = scores.stream().filter((score) -> score >= 9).count();
		long detractors = scores.stream().filter((score) -> score <= 6).count();
		return 100.0 * (promoters - detractors) / scores.size();
	}

	private static List<DemoResponses.Planned> plan(Instant now) {
		return new DemoResponses(CATALOG, new DemoStory(), DemoComments.load(), now).plan(CUSTOMERS);
	}

}
