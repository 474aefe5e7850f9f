package org.opencxm.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.actions.AlertAction;
import org.opencxm.actions.AlertKind;
import org.opencxm.actions.AlertLimits;
import org.opencxm.actions.AlertRuleRequest;
import org.opencxm.actions.AlertRules;
import org.opencxm.actions.Case;
import org.opencxm.actions.CaseQuery;
import org.opencxm.actions.CaseStatus;
import org.opencxm.actions.Cases;
import org.opencxm.actions.Compensation;
import org.opencxm.actions.CompensationType;
import org.opencxm.actions.Priority;
import org.opencxm.actions.Recovery;
import org.opencxm.actions.ResolveRequest;
import org.opencxm.analytics.Rollup;
import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.PageRequest;
import org.opencxm.surveys.InvitationChannel;
import org.opencxm.surveys.ResponseBatches;
import org.opencxm.surveys.ResponseRequest;
import org.opencxm.surveys.SurveyTemplates;
import org.opencxm.surveys.TriggerRequest;
import org.opencxm.surveys.Triggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The feedback half of the demo: the ready surveys and the triggers on the key
 * touchpoints, a year of answered surveys recorded through the batch path that real
 * imports take (evaluated and rolled up by the same listeners), the alert rules, and the
 * cases they opened, some already worked on.
 */
@Component
class DemoFeedback {

	private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);

	/** How long the loader waits for the listeners to catch up before it goes on. */
	private static final Duration SETTLE_LIMIT = Duration.ofMinutes(3);

	private final SurveyTemplates templates;

	private final Triggers triggers;

	private final ResponseBatches responses;

	private final AlertRules rules;

	private final Cases cases;

	private final JdbcClient jdbc;

	private final Rollup rollup;

	DemoFeedback(SurveyTemplates templates, Triggers triggers, ResponseBatches responses, AlertRules rules, Cases cases,
			JdbcClient jdbc, Rollup rollup) {
		this.templates = templates;
		this.triggers = triggers;
		this.responses = responses;
		this.rules = rules;
		this.cases = cases;
		this.jdbc = jdbc;
		this.rollup = rollup;
	}

	/** Publishes every ready survey under its template's name; answers how many. */
	int surveys() {
		List<String> codes = List.of(SurveyTemplates.RELATIONSHIP_NPS, SurveyTemplates.TOUCHPOINT,
				SurveyTemplates.REAL_ESTATE_HANDOVER, SurveyTemplates.BANK_SEVEN_STEP, SurveyTemplates.EVENT_FEEDBACK);
		codes.forEach((code) -> this.templates.create(code, code, true));
		return codes.size();
	}

	/**
	 * The triggers of the story. Created after the contacts are in, so that the demo's
	 * past year sends no invitations; the contacts recorded from now on do.
	 */
	int triggers() {
		for (DemoResponses.Trigger trigger : DemoResponses.TRIGGERS) {
			boolean bank = trigger.touchpoint().startsWith("bk-");
			this.triggers.create(new TriggerRequest(trigger.code(), trigger.survey(), trigger.touchpoint(), null, null,
					bank ? 30 : 120, List.of(InvitationChannel.WECHAT, InvitationChannel.SMS, InvitationChannel.EMAIL),
					bank ? 14 : 30, Math.min(1.0, trigger.answered() + 0.3), "21:30", "08:30", 168, true));
		}
		return DemoResponses.TRIGGERS.size();
	}

	/**
	 * Records the responses, survey by survey, a batch at a time; answers how many were
	 * recorded.
	 */
	int record(List<DemoResponses.Planned> planned, Map<String, Long> interactionIds) {
		Map<String, List<ResponseRequest>> bySurvey = new LinkedHashMap<>();
		for (DemoResponses.Planned response : planned) {
			Long interaction = interactionIds.get(response.eventId());
			if (interaction == null) {
				throw new IllegalStateException("no interaction " + response.eventId() + " was recorded");
			}
			bySurvey.computeIfAbsent(response.survey(), (survey) -> new ArrayList<>())
				.add(new ResponseRequest(response.responseKey(), null, null, interaction, null, null, null, null, null,
						response.language(), response.submittedAt(), response.answers()));
		}
		int recorded = 0;
		for (Map.Entry<String, List<ResponseRequest>> survey : bySurvey.entrySet()) {
			List<ResponseRequest> requests = survey.getValue();
			for (int from = 0; from < requests.size(); from += ResponseBatches.MAX_BATCH) {
				recorded += this.responses
					.record(survey.getKey(),
							requests.subList(from, Math.min(requests.size(), from + ResponseBatches.MAX_BATCH)))
					.created();
			}
		}
		return recorded;
	}

	/**
	 * Waits until every listener has handled what was published so far (evaluations,
	 * alerts) and the rollup has added every evaluated response to the aggregates, so
	 * that the next step sees their results.
	 */
	void settle() {
		long started = System.nanoTime();
		long deadline = started + SETTLE_LIMIT.toNanos();
		while (pending() + this.rollup.queued() > 0) {
			if (System.nanoTime() > deadline) {
				log.warn("The demo's event listeners have not caught up after {}; going on", SETTLE_LIMIT);
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		log.debug("The demo's event listeners caught up in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The publications in the event registry that a listener has yet to handle (those
	 * that failed wait for a resubmission and are not counted).
	 */
	private long pending() {
		return this.jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and (status is null or status <> 'FAILED')
				""").query(Long.class).single();
	}

	/** The alert rules of the closed loop; answers how many. */
	int alertRules() {
		List<AlertRuleRequest> requests = List.of(
				rule("strong-detractor", "强烈贬损者（NPS 0–3）：24 小时内回访",
						"Strong detractor (NPS 0–3): call back within a day", condition("nps", "lte", 3), null,
						new AlertAction(true, Priority.P2, List.of(), false, false)),
				rule("handover-unhappy", "交房不满意：项目经理跟进", "Unhappy at handover: the project manager follows up",
						condition("csat", "lte", 2), limits("re-handover-inspection", "re-handover-keys"),
						new AlertAction(true, Priority.P1, List.of(), true, false)),
				rule("long-wait-complaint", "抱怨等待时间：网点或门店跟进", "Complaint about waiting: the branch or store follows up",
						DemoCatalog.JSON.readTree(
								"""
										{"all": [{"field": "nps", "op": "lte", "value": 6},
											{"field": "comment", "op": "containsAny", "value": ["等了", "排队", "waited", "queue"]}]}
										"""),
						null, new AlertAction(true, Priority.P3, List.of(), false, false)),
				rule("angry-comment", "强烈负面意见：通知单位负责人", "Very negative comment: tell the unit's manager",
						condition("sentiment", "lte", -0.6), null,
						new AlertAction(false, null, List.of(), true, false)));
		requests.forEach(this.rules::create);
		return requests.size();
	}

	/**
	 * Works some of the cases the rules opened, so the loop shows every state: about a
	 * fifth each stays new, is acknowledged, is in progress, is resolved with a recovery,
	 * and is resolved and closed. Answers how many cases there are.
	 */
	int workCases() {
		List<Case> opened = this.cases
			.list(new CaseQuery(Set.of(CaseStatus.NEW), null, null, false, null, null, null, null),
					new PageRequest(0, 500))
			.items();
		for (int i = 0; i < opened.size(); i++) {
			Case file = opened.get(i);
			switch (i % 5) {
				case 1 -> this.cases.acknowledge(file.id(), null);
				case 2 -> start(file);
				case 3 -> resolve(file, i);
				case 4 -> this.cases.close(resolve(file, i).id(), null);
				default -> {
				}
			}
		}
		return opened.size();
	}

	private Case start(Case file) {
		this.cases.acknowledge(file.id(), null);
		return this.cases.start(file.id(), null);
	}

	private Case resolve(Case file, int i) {
		start(file);
		String touchpoint = (file.touchpoint() != null) ? file.touchpoint() : "";
		String rootCause = switch (touchpoint) {
			case "bk-queue-ticket", "bk-lobby-greeting", "bk-self-service" -> "convenience-wait";
			case "re-handover-inspection", "re-handover-keys" -> "product-defect";
			case "re-rectification", "re-repair-request" -> "service-slow";
			case "re-progress-report" -> "relationship-contact";
			case "ph-repair-turnaround", "ph-hotline" -> "relationship-promise";
			default -> "service-attitude";
		};
		Compensation compensation = (i % 3 == 0)
				? new Compensation(CompensationType.VOUCHER, new BigDecimal("200.00"), "CNY") : null;
		return this.cases.resolve(file.id(),
				new ResolveRequest(rootCause,
						"已电话回访客户并致歉，问题已安排处理。 Called the customer back, apologised and arranged the fix.",
						new Recovery(true, true, "回访并跟进整改 Follow-up call and fix arranged", compensation), null));
	}

	private static AlertRuleRequest rule(String code, String zh, String en, JsonNode condition,
			@Nullable AlertLimits limits, AlertAction action) {
		return new AlertRuleRequest(code, AlertKind.RESPONSE, new LocalizedText(zh, en), condition, null, limits,
				action, true);
	}

	private static JsonNode condition(String field, String op, Object value) {
		return DemoCatalog.JSON.valueToTree(Map.of("field", field, "op", op, "value", value));
	}

	private static AlertLimits limits(String... touchpoints) {
		return new AlertLimits(List.of(touchpoints), null, null, null);
	}

}
