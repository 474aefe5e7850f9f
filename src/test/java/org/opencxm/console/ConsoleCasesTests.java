package org.opencxm.console;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.Api;
import org.opencxm.ApplicationTest;
import org.opencxm.console.ConsoleFixtures.Account;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case pages through HTTP: the inbox views, a case with its history, notes with CSRF,
 * reassignment, the resolution form's errors and success, scope and languages.
 */
@ApplicationTest
class ConsoleCasesTests {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

	@Autowired
	Api api;

	ConsoleFixtures fixtures;

	String store;

	Account agent;

	long caseId;

	@BeforeEach
	void setUp() {
		this.fixtures = new ConsoleFixtures(this.api);
		String company = this.fixtures.unit("co", null, "COMPANY", "工单公司", "Case company");
		this.store = this.fixtures.unit("st", company, "STORE", "工单门店", "Case store");
		this.agent = this.fixtures.user("AGENT", this.store, "en");
		this.caseId = openCase(this.store, SCRIPT);
	}

	private long openCase(String unit, String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("source", Map.of("type", "MANUAL"));
		body.put("unit", unit);
		body.put("severity", "HIGH");
		body.put("title", title);
		body.put("description", "The customer wrote: " + SCRIPT);
		return this.api.admin().post("/api/v1/cases", body).expect(201).json().get("id").asLong();
	}

	private WebSession signIn(Account account, String language) {
		return WebSession.signedIn(this.api, account.username(), account.password(), language);
	}

	@Test
	void theAgentFindsTheCaseInItsInboxWithTheCustomersWordsEscaped() {
		WebSession session = signIn(this.agent, "en");
		String inbox = session.page("/cases?view=mine", 200);
		assertThat(inbox).contains("data-view=\"mine\"")
			.contains("data-case=\"" + this.caseId + "\"")
			.contains(ESCAPED)
			.doesNotContain(SCRIPT);
		assertThat(session.page("/cases?view=unit", 200)).contains("data-case=\"" + this.caseId + "\"");
		assertThat(session.page("/cases?view=overdue", 200)).contains("data-view=\"overdue\"");
		String page = session.page("/cases/" + this.caseId, 200);
		assertThat(page).contains("data-page=\"case\"")
			.contains("data-kind=\"OPENED\"")
			.contains("id=\"resolve-form\"")
			.contains(ESCAPED)
			.doesNotContain(SCRIPT);

		Account chinese = this.fixtures.user("AGENT", this.store, "zh-CN");
		assertThat(signIn(chinese, "zh-CN").page("/cases/" + this.caseId, 200)).contains("处理记录").contains("根本原因");
	}

	@Test
	void notesNeedTheCsrfTokenAndAppearInTheHistory() {
		WebSession session = signIn(this.agent, "en");
		session.page("/cases/" + this.caseId, 200);
		assertThat(session.post("/cases/" + this.caseId + "/notes", Map.of("text", "called"), false).statusCode())
			.isEqualTo(403);
		HttpResponse<String> added = session.post("/cases/" + this.caseId + "/notes", Map.of("text", "Note " + SCRIPT));
		assertThat(added.statusCode()).isEqualTo(302);
		String page = session.page("/cases/" + this.caseId, 200);
		assertThat(page).contains("data-kind=\"NOTE\"").contains("Note " + ESCAPED).doesNotContain(SCRIPT);
	}

	@Test
	void theResolutionFormExplainsWhatIsMissingThenResolvesTheCase() {
		WebSession session = signIn(this.agent, "en");
		session.page("/cases/" + this.caseId, 200);
		HttpResponse<String> noCause = session.post("/cases/" + this.caseId + "/resolve",
				Map.of("rootCause", "", "apology", "true"));
		assertThat(noCause.statusCode()).isEqualTo(422);
		assertThat(noCause.body()).contains("id=\"rootCause-error\"");
		HttpResponse<String> noRecovery = session.post("/cases/" + this.caseId + "/resolve",
				Map.of("rootCause", "service-attitude"));
		assertThat(noRecovery.statusCode()).isEqualTo(422);
		assertThat(noRecovery.body()).contains("id=\"fix-error\"");
		assertThat(this.api.admin().get("/api/v1/cases/" + this.caseId).expect(200).json().get("status").asString())
			.isEqualTo("NEW");

		HttpResponse<String> resolved = session.post("/cases/" + this.caseId + "/resolve",
				Map.of("rootCause", "service-attitude", "apology", "true", "fix", "Retrained the cashier",
						"compensationType", "VOUCHER", "compensationAmount", "50", "compensationCurrency", "CNY"));
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(302);
		var stored = this.api.admin().get("/api/v1/cases/" + this.caseId).expect(200).json();
		assertThat(stored.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(stored.get("resolution").get("rootCause").asString()).isEqualTo("service-attitude");
		String page = session.page("/cases/" + this.caseId, 200);
		assertThat(page).contains("data-status=\"RESOLVED\"")
			.contains("data-section=\"resolution\"")
			.contains("Retrained the cashier")
			.doesNotContain("id=\"resolve-form\"");
	}

	@Test
	void aUnitManagerReassignsAndAnotherUnitsUserGets404() {
		Account manager = this.fixtures.user("UNIT_MANAGER", this.store, "en");
		Account colleague = this.fixtures.user("AGENT", this.store, "en");
		WebSession session = signIn(manager, "en");
		session.page("/cases/" + this.caseId, 200);
		HttpResponse<String> unknown = session.post("/cases/" + this.caseId + "/assign",
				Map.of("username", Api.unique("nobody")));
		assertThat(unknown.statusCode()).isEqualTo(302);
		assertThat(session.page("/cases/" + this.caseId, 200)).contains("No enabled agent");
		session.post("/cases/" + this.caseId + "/assign", Map.of("username", colleague.username()));
		assertThat(this.api.admin().get("/api/v1/cases/" + this.caseId).expect(200).json().get("owner").asString())
			.isEqualTo(colleague.username());

		String elsewhere = this.fixtures.unit("co", null, "COMPANY", "别处", "Elsewhere");
		Account stranger = this.fixtures.user("UNIT_MANAGER", elsewhere, "en");
		WebSession other = signIn(stranger, "en");
		assertThat(other.page("/cases/" + this.caseId, 404)).doesNotContain("alert(1)");
		assertThat(other.page("/cases?view=unit", 200)).doesNotContain("data-case=\"" + this.caseId + "\"");
		assertThat(other.post("/cases/" + this.caseId + "/notes", Map.of("text", "sneaky")).statusCode())
			.isEqualTo(404);
	}

}
