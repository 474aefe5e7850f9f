package org.opencxm.surveys;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.MutableClock;
import org.opencxm.shared.Created;
import org.opencxm.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Invitations another module asks for under a reference of its own: made once however
 * often asked, held to consent, open cases and quiet hours, sent like any other, and
 * answered with the reference in {@link InvitationAnswered}.
 */
@SurveyTest
class InvitationRequestTests {

	@Autowired
	Api api;

	@Autowired
	Invitations invitations;

	@Autowired
	InvitationDispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	SurveyTestConfiguration.RecordedResponses recorded;

	@Autowired
	SurveyTestConfiguration.OpenCases openCases;

	@Test
	void anInvitationAskedForByReferenceIsMadeOnceSentAndAnsweredWithItsReference() {
		SurveyWorkspace workspace = new SurveyWorkspace(this.api);
		String survey = recoverySurvey();
		String customer = workspace.customer("李雷", "zh-CN", "SMS");
		long customerId = workspace.customerId(customer);
		String reference = "case:" + Api.unique("r");
		InvitationRequest request = new InvitationRequest(survey, customerId, reference, null, null,
				List.of(InvitationChannel.EMAIL, InvitationChannel.SMS), Duration.ZERO, 48, null, null);

		Created<Invitation> first = this.invitations.invite(request);
		assertThat(first.created()).isTrue();
		assertThat(first.value().status()).isEqualTo(InvitationStatus.PENDING);
		assertThat(first.value().channel()).isEqualTo(InvitationChannel.SMS);
		assertThat(first.value().language().tag()).isEqualTo("zh-CN");
		assertThat(first.value().reference()).isEqualTo(reference);
		assertThat(first.value().triggerId()).isNull();
		Created<Invitation> again = this.invitations.invite(request);
		assertThat(again.created()).isFalse();
		assertThat(again.value().id()).isEqualTo(first.value().id());

		long id = first.value().id();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.dispatcher.dispatchDue();
			return this.invitations.byReference(reference).orElseThrow().status() == InvitationStatus.SENT;
		});
		assertThat(this.api.admin().get("/api/v1/invitations/" + id).expect(200).json().get("reference").asString())
			.isEqualTo(reference);
		long response = this.api.admin()
			.post("/api/v1/surveys/" + survey + "/responses",
					Map.of("responseKey", Api.unique("k"), "invitation", id, "answers",
							Map.of("resolved", "yes", "satisfaction", 4)))
			.expect(201)
			.json()
			.get("id")
			.asLong();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recorded.answered(id).size() == 1);
		InvitationAnswered answered = this.recorded.answered(id).get(0);
		assertThat(answered.reference()).isEqualTo(reference);
		assertThat(answered.responseId()).isEqualTo(response);
		assertThat(answered.customerId()).isEqualTo(customerId);
	}

	@Test
	void theContactRulesTheRequestCarriesAreApplied() {
		SurveyWorkspace workspace = new SurveyWorkspace(this.api);
		String survey = recoverySurvey();
		long silent = workspace.customerId(workspace.customer("Silent", "en"));
		assertThat(invite(survey, silent, null, null).reason()).startsWith("consent:");

		long complaining = workspace.customerId(workspace.customer("Complaining", "en", "EMAIL"));
		this.openCases.customers.add(complaining);
		try {
			Invitation held = invite(survey, complaining, null, null);
			assertThat(held.status()).isEqualTo(InvitationStatus.SUPPRESSED);
			assertThat(held.reason()).startsWith("open case:");
		}
		finally {
			this.openCases.customers.remove(complaining);
		}

		long sleeping = workspace.customerId(workspace.customer("Sleeping", "en", "EMAIL"));
		LocalTime now = LocalTime.now(this.clock.withZone(ZoneOffset.UTC));
		Invitation waiting = invite(survey, sleeping, now.minusHours(1), now.plusHours(1));
		assertThat(waiting.status()).isEqualTo(InvitationStatus.PENDING);
		assertThat(waiting.reason()).startsWith("quiet hours:");
		assertThat(waiting.dueAt()).isAfter(this.clock.instant().plus(Duration.ofMinutes(50)));

		String draft = Api.unique("s");
		this.api.admin().post("/api/v1/surveys/from-template/case-recovery?code=" + draft, Map.of()).expect(201);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.invitations.invite(new InvitationRequest(draft, sleeping, Api.unique("r"), null,
					null, List.of(), Duration.ofMinutes(-1), 0, LocalTime.NOON, null)))
			.satisfies((ex) -> assertThat(ex.violations().stream().map((v) -> v.field()))
				.containsExactlyInAnyOrder("survey", "channels", "delay", "expiryHours", "quietEnd"));
	}

	private Invitation invite(String survey, long customerId, @Nullable LocalTime quietStart,
			@Nullable LocalTime quietEnd) {
		return this.invitations
			.invite(new InvitationRequest(survey, customerId, Api.unique("r"), null, null,
					List.of(InvitationChannel.EMAIL), Duration.ofMinutes(5), 24, quietStart, quietEnd))
			.value();
	}

	private String recoverySurvey() {
		String code = Api.unique("s");
		this.api.admin()
			.post("/api/v1/surveys/from-template/case-recovery?publish=true&code=" + code, Map.of())
			.expect(201);
		return code;
	}

}
