package org.opencxm.surveys;

import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SurveyTest
class ChannelTests {

	@Autowired
	Api api;

	@Autowired
	InvitationDispatcher dispatcher;

	@Autowired
	org.opencxm.MutableClock clock;

	@Autowired
	GreenMail greenMail;

	@Autowired
	SurveyTestConfiguration.Gateway gateway;

	private SurveyWorkspace workspace;

	private String survey;

	@BeforeEach
	void workspace() {
		this.workspace = new SurveyWorkspace(this.api);
		this.survey = this.workspace.survey();
	}

	private long invite(String customer) {
		this.workspace.contact(customer, this.workspace.touchpoint, SurveyWorkspace.minutesAgo(1));
		return this.workspace.invitations(customer, 1).get(0).get("id").asLong();
	}

	private tools.jackson.databind.JsonNode invitation(long id) {
		return this.api.admin().get("/api/v1/invitations/" + id).expect(200).json();
	}

	private MimeMessage mailTo(String customer) {
		return java.util.Arrays.stream(this.greenMail.getReceivedMessages()).filter((m) -> {
			try {
				return m.getAllRecipients()[0].toString().startsWith(customer + "@");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow();
	}

	@Test
	void anEmailInTheCustomersLanguageCarriesAWorkingPersonalLink() throws Exception {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("channels", List.of("EMAIL")));
		String english = this.workspace.customer("Alice Smith", "en", "EMAIL");
		String chinese = this.workspace.customer("王芳", "zh-CN", "EMAIL");
		long first = invite(english);
		long second = invite(chinese);
		this.dispatcher.dispatchDue();
		assertThat(invitation(first).get("status").asString()).isEqualTo("SENT");
		assertThat(invitation(first).get("delivery").asString()).contains(english + "@example.com");
		MimeMessage mail = mailTo(english);
		assertThat(mail.getSubject()).isEqualTo("A minute for your feedback?");
		String body = (String) mail.getContent();
		assertThat(body).contains("Dear Alice Smith", "Survey " + this.survey, "http://localhost:8080/s/");
		MimeMessage chineseMail = mailTo(chinese);
		assertThat(chineseMail.getSubject()).isEqualTo("能占用您一分钟时间吗？");
		String link = java.util.regex.Pattern.compile("/s/([A-Za-z0-9_-]{32})")
			.matcher((String) chineseMail.getContent())
			.results()
			.findFirst()
			.orElseThrow()
			.group(0);
		Browser browser = new Browser(this.api.baseUrl(), "en");
		Browser.Page page = browser.get(link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"zh-CN\"", "王芳");
		assertThat(invitation(second).get("status").asString()).isEqualTo("SENT");
	}

	@Test
	void anSmsInvitationIsPostedToTheGatewaySignedWithHmac() {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("channels", List.of("SMS")));
		String customer = this.workspace.customer("王芳", "zh-CN", "SMS");
		long id = invite(customer);
		int before = this.gateway.received.size();
		this.dispatcher.dispatchDue();
		assertThat(invitation(id).get("status").asString()).isEqualTo("SENT");
		var received = this.gateway.received.subList(before, this.gateway.received.size())
			.stream()
			.filter((r) -> r.body().contains("\"invitationId\":" + id + ","))
			.findFirst()
			.orElseThrow();
		assertThat(received.path()).isEqualTo("/sms");
		var json = Api.parse(received.body());
		assertThat(json.get("to").asString()).isEqualTo("+8613800138000");
		assertThat(json.get("language").asString()).isEqualTo("zh-CN");
		assertThat(json.get("link").asString()).matches("http://localhost:8080/s/[A-Za-z0-9_-]{32}");
		String timestamp = received.headers().get("X-opencxm-timestamp").get(0);
		assertThat(received.headers().get("X-opencxm-signature").get(0)).isEqualTo("sha256="
				+ WebhookSender.sign(SurveyTestConfiguration.WEBHOOK_SECRET, timestamp + "." + received.body()));
	}

	@Test
	void aFailedDeliveryIsRetriedWithGrowingWaitsAndRecorded() throws Exception {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("channels", List.of("WECHAT")));
		String customer = this.workspace.customer("王芳", "zh-CN", "WECHAT");
		long id = invite(customer);
		this.gateway.failures.set(2);
		this.dispatcher.dispatchDue();
		var first = invitation(id);
		assertThat(first.get("status").asString()).isEqualTo("PENDING");
		assertThat(first.get("attempts").asInt()).isEqualTo(1);
		assertThat(first.get("delivery").asString())
			.startsWith("attempt 1 failed: the WECHAT gateway answered HTTP 500");
		java.time.Instant firstRetry = java.time.Instant.parse(first.get("dueAt").asString());
		this.clock.advance(java.time.Duration.ofMillis(80));
		this.dispatcher.dispatchDue();
		var second = invitation(id);
		assertThat(second.get("attempts").asInt()).isEqualTo(2);
		java.time.Instant secondRetry = java.time.Instant.parse(second.get("dueAt").asString());
		assertThat(java.time.Duration.between(firstRetry, secondRetry))
			.isGreaterThanOrEqualTo(java.time.Duration.ofMillis(100));
		this.clock.advance(java.time.Duration.ofMillis(150));
		this.dispatcher.dispatchDue();
		var sent = invitation(id);
		assertThat(sent.get("status").asString()).isEqualTo("SENT");
		assertThat(sent.get("attempts").asInt()).isEqualTo(3);
		assertThat(sent.get("delivery").asString()).startsWith("posted to the WECHAT gateway");
	}

	@Test
	void aDeliveryThatKeepsFailingEndsAsFailed() throws Exception {
		this.workspace.trigger(this.survey, this.workspace.touchpoint, Map.of("channels", List.of("SMS")));
		String customer = this.workspace.customer("王芳", "zh-CN", "SMS");
		long id = invite(customer);
		this.gateway.failures.set(100);
		try {
			for (int i = 0; i < 5; i++) {
				this.dispatcher.dispatchDue();
				this.clock.advance(java.time.Duration.ofMillis(50L << i));
			}
		}
		finally {
			this.gateway.failures.set(0);
		}
		var failed = invitation(id);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("attempts").asInt()).isEqualTo(5);
		assertThat(failed.get("delivery").asString()).contains("giving up");
	}

}
