package org.opencxm.surveys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path of feedback: a contact is recorded, the trigger creates an invitation
 * that passes every contact rule, the e-mail arrives with the link, the page speaks the
 * customer's language, the answers are posted, and the response is stored once, linked,
 * with {@link ResponseRecorded} published.
 */
@SurveyTest
class SurveyEndToEndTests {

	@Autowired
	Api api;

	@Autowired
	InvitationDispatcher dispatcher;

	@Autowired
	GreenMail greenMail;

	@Autowired
	Responses responses;

	@Autowired
	SurveyTestConfiguration.RecordedResponses recorded;

	@Test
	void aContactLeadsToOneLinkedResponseThroughAnEmailedLink() throws Exception {
		SurveyWorkspace workspace = new SurveyWorkspace(this.api);
		String survey = Api.unique("tx");
		this.api.admin()
			.post("/api/v1/surveys/from-template/touchpoint?publish=true&code=" + survey, Map.of())
			.expect(201);
		workspace.trigger(survey, workspace.touchpoint, Map.of("channels", List.of("SMS", "EMAIL"), "quarantineDays",
				30, "samplingRate", 1.0, "quietStart", "03:00", "quietEnd", "03:01", "expiryHours", 72));
		String customer = workspace.customer("Alice Smith", "en", "EMAIL");
		long interaction = workspace.contact(customer, workspace.touchpoint, SurveyWorkspace.minutesAgo(2));

		var invitation = workspace.invitations(customer, 1).get(0);
		assertThat(invitation.get("status").asString()).isEqualTo("PENDING");
		assertThat(invitation.get("channel").asString()).isEqualTo("EMAIL");
		assertThat(invitation.get("interactionId").asLong()).isEqualTo(interaction);
		long invitationId = invitation.get("id").asLong();

		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.dispatcher.dispatchDue();
			return "SENT"
				.equals(this.api.admin().get("/api/v1/invitations/" + invitationId).json().get("status").asString());
		});
		MimeMessage mail = java.util.Arrays.stream(this.greenMail.getReceivedMessages())
			.filter((m) -> GreenMailUtil.getAddressList(recipients(m)).startsWith(customer + "@"))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("A minute for your feedback?");
		String body = (String) mail.getContent();
		assertThat(body).contains("Dear Alice Smith");
		String link = Pattern.compile("/s/[A-Za-z0-9_-]{32}").matcher(body).results().findFirst().orElseThrow().group();

		Browser browser = new Browser(this.api.baseUrl(), "zh-CN,zh;q=0.9");
		Browser.Page page = browser.get(link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"en\"", "Your visit to Checkout counter",
				"Alice Smith, thank you for visiting Store " + workspace.unit);
		Map<String, Object> form = new java.util.HashMap<>(
				Map.of("q.nps", "10", "q.csat", "5", "q.ces", "6", "q.sem-feel", "7", "q.participation", "6",
						"q.intensity", "7", "q.comment", "The staff were lovely.", "action", "submit"));
		Browser.Page posted = browser.post(link, form);
		assertThat(posted.status()).isEqualTo(302);
		assertThat(browser.get(posted.location()).body()).contains("Thank you for your feedback!");
		browser.get(link);
		assertThat(browser.get(link).body()).contains("You have answered this survey already");

		var stored = this.api.admin().get("/api/v1/responses?survey=" + survey).expect(200).json();
		assertThat(stored.get("total").asLong()).isEqualTo(1);
		SurveyResponse response = this.responses.get(stored.get("items").get(0).get("id").asLong());
		assertThat(response.source()).isEqualTo(ResponseSource.INVITATION);
		assertThat(response.invitationId()).isEqualTo(invitationId);
		assertThat(response.interactionId()).isEqualTo(interaction);
		assertThat(response.customerId()).isEqualTo(workspace.customerId(customer));
		assertThat(response.touchpointId()).isNotNull();
		assertThat(response.stageId()).isNotNull();
		assertThat(response.unitId()).isNotNull();
		assertThat(response.language().tag()).isEqualTo("en");
		assertThat(response.answers()).hasSize(7);
		assertThat(this.api.admin().get("/api/v1/invitations/" + invitationId).json().get("status").asString())
			.isEqualTo("ANSWERED");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorded.of(response.id()).size() == 1);
		ResponseRecorded event = this.recorded.of(response.id()).get(0);
		assertThat(event.invitationId()).isEqualTo(invitationId);
		assertThat(event.interactionId()).isEqualTo(interaction);
		assertThat(event.customerId()).isEqualTo(response.customerId());
		assertThat(event.surveyVersionId()).isEqualTo(response.surveyVersionId());
	}

	private static jakarta.mail.Address[] recipients(MimeMessage message) {
		try {
			return message.getAllRecipients();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
