package org.opencxm.actions;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.MutableClock;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ActionsTest
class SlaTests {

	@Autowired
	Api api;

	@Autowired
	SlaMonitor monitor;

	@Autowired
	MailOutbox mail;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MutableClock clock;

	@Test
	void aMissedFirstResponseGoesToTheRegionManagerAndAMissedResolutionToTheCompanyManager() throws Exception {
		Workspace ws = new Workspace(this.api);
		JsonNode opened = ws.as("agent1")
			.post("/api/v1/cases", ws.caseFrom(ws.complaintCall(), "HIGH"))
			.expect(201)
			.json();
		long id = opened.get("id").asLong();
		this.clock.advanceTo(Instant.parse(opened.get("firstResponseDue").asString()));
		this.monitor.check();
		JsonNode first = ws.as("agent1").get("/api/v1/cases/" + id).expect(200).json();
		assertThat(first.get("escalationLevel").asInt()).isEqualTo(1);
		assertThat(first.get("escalatedTo").asString()).isEqualTo(ws.username("regionManager"));
		assertThat(first.get("firstResponseBreached").asBoolean()).isTrue();
		this.monitor.check();
		assertThat(ws.as("agent1").get("/api/v1/cases/" + id).expect(200).json().get("escalationLevel").asInt())
			.as("one breach escalates once")
			.isEqualTo(1);
		this.clock.advanceTo(Instant.parse(opened.get("resolutionDue").asString()));
		this.monitor.check();
		JsonNode second = ws.as("agent1").get("/api/v1/cases/" + id).expect(200).json();
		assertThat(second.get("escalationLevel").asInt()).isEqualTo(2);
		assertThat(second.get("escalatedTo").asString()).isEqualTo(ws.username("companyManager"));
		assertThat(second.get("resolutionBreached").asBoolean()).isTrue();
		this.clock.advance(Duration.ofDays(30));
		this.monitor.check();
		assertThat(ws.as("agent1").get("/api/v1/cases/" + id).expect(200).json().get("escalationLevel").asInt())
			.as("nobody above the company")
			.isEqualTo(2);
		JsonNode inbox = ws.as("regionManager").get("/api/v1/inbox").expect(200).json().get("items");
		assertThat(
				inbox.valueStream().filter((m) -> m.get("caseId").asLong() == id).map((m) -> m.get("kind").asString()))
			.containsExactly("CASE_ESCALATED");
		this.mail.sendDue();
		String regionManagerAddress = ws.username("regionManager") + "@example.com";
		List<MimeMessage> mails = List.of(this.greenMail.getReceivedMessages())
			.stream()
			.filter((message) -> address(message).equals(regionManagerAddress))
			.toList();
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).startsWith("Case #" + id + " missed its SLA");
		JsonNode activity = ws.as("agent1").get("/api/v1/cases/" + id + "/activity").expect(200).json();
		assertThat(activity.valueStream()
			.filter((a) -> a.get("kind").asString().equals("ESCALATED"))
			.map((a) -> a.get("targetUser").asString()))
			.containsExactly(ws.username("regionManager"), ws.username("companyManager"));
		var read = ws.as("regionManager")
			.post("/api/v1/inbox/" + inbox.get(0).get("id").asLong() + "/read", Map.of())
			.expect(200)
			.json();
		assertThat(read.get("readAt").isNull()).isFalse();
		ws.as("agent1").post("/api/v1/inbox/" + inbox.get(0).get("id").asLong() + "/read", Map.of()).expect(404);
	}

	private static String address(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void dueTimesCountOnlyTheUnitsBusinessHoursAndSkipItsHolidays() {
		Workspace ws = new Workspace(this.api);
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		LocalDate monday = this.clock.instant().atZone(shanghai).toLocalDate().plusWeeks(1).with(DayOfWeek.MONDAY);
		var hours = Map.of("MONDAY", List.of(Map.of("from", "09:00", "to", "18:00")), "TUESDAY",
				List.of(Map.of("from", "09:00", "to", "18:00")), "WEDNESDAY",
				List.of(Map.of("from", "09:00", "to", "12:00"), Map.of("from", "13:00", "to", "18:00")));
		JsonNode calendar = ws.as("companyManager")
			.put("/api/v1/unit-calendars/" + ws.company,
					Map.of("hours", hours, "holidays", List.of(monday.plusDays(1).toString())))
			.expect(200)
			.json();
		assertThat(calendar.get("alwaysOpen").asBoolean()).isFalse();
		JsonNode inherited = ws.as("storeManager").get("/api/v1/unit-calendars/" + ws.store).expect(200).json();
		assertThat(inherited.get("inheritedFrom").asString()).isEqualTo(ws.company);
		assertThat(inherited.get("holidays").get(0).asString()).isEqualTo(monday.plusDays(1).toString());
		ws.as("storeManager").put("/api/v1/unit-calendars/" + ws.company, Map.of("hours", hours)).expect(404);
		var bad = ws.as("companyManager")
			.put("/api/v1/unit-calendars/" + ws.company,
					Map.of("hours", Map.of("MONDAY", List.of(Map.of("from", "18:00", "to", "09:00")))))
			.expect(422)
			.json();
		assertThat(bad.get("errors").get(0).get("field").asString()).isEqualTo("hours.MONDAY[0].to");
		this.clock.advanceTo(monday.atTime(16, 30).atZone(shanghai).toInstant());
		Instant openedAt = this.clock.instant();
		JsonNode opened = ws.as("agent1")
			.post("/api/v1/cases", ws.caseFrom(ws.complaintCall(), "HIGH"))
			.expect(201)
			.json();
		ZonedDateTime firstDue = Instant.parse(opened.get("firstResponseDue").asString()).atZone(shanghai);
		assertThat(firstDue.toLocalDate()).as("an hour after 16:30 on Monday is 17:30 on Monday").isEqualTo(monday);
		assertThat(firstDue.toLocalTime().getHour()).isEqualTo(17);
		ZonedDateTime resolutionDue = Instant.parse(opened.get("resolutionDue").asString()).atZone(shanghai);
		assertThat(resolutionDue.toLocalDate())
			.as("90 minutes on Monday, Tuesday is a holiday, six and a half hours on Wednesday")
			.isEqualTo(monday.plusDays(2));
		assertThat(resolutionDue.toLocalTime().getHour()).isEqualTo(16);
		assertThat(openedAt).isBefore(firstDue.toInstant());
		ws.as("companyManager").delete("/api/v1/unit-calendars/" + ws.company).expect(204);
		assertThat(ws.as("storeManager")
			.get("/api/v1/unit-calendars/" + ws.store)
			.expect(200)
			.json()
			.get("alwaysOpen")
			.asBoolean()).isTrue();
	}

	@Test
	void slaPoliciesAreReadByAllAndChangedByCxManagers() {
		JsonNode policies = this.api.admin().get("/api/v1/sla-policies").expect(200).json();
		assertThat(policies.valueStream().map((p) -> p.get("priority").asString())).containsExactly("P1", "P2", "P3",
				"P4");
		this.api.as(this.api.userToken("UNIT_MANAGER", null))
			.put("/api/v1/sla-policies/P4", Map.of("firstResponseMinutes", 1440, "resolutionMinutes", 7200))
			.expect(403);
		this.api.admin()
			.put("/api/v1/sla-policies/P4", Map.of("firstResponseMinutes", 1440, "resolutionMinutes", 60))
			.expect(422);
		this.api.admin()
			.put("/api/v1/sla-policies/P4", Map.of("firstResponseMinutes", 1440, "resolutionMinutes", 7200))
			.expect(200);
	}

}
