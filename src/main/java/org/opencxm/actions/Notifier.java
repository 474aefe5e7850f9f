package org.opencxm.actions;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.VisibleUnits;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns case events into inbox messages (with their e-mail copies) and webhook
 * deliveries, in the transaction of the change: the owner hears of an assignment and a
 * reopening, the manager escalated to hears of the escalation, and subscribers get every
 * event they asked for.
 */
@Component
class Notifier {

	private final Inbox inbox;

	private final Webhooks webhooks;

	private final People people;

	private final CaseRepository cases;

	private final JsonMapper json;

	private final Clock clock;

	Notifier(Inbox inbox, Webhooks webhooks, People people, CaseRepository cases, JsonMapper json, Clock clock) {
		this.inbox = inbox;
		this.webhooks = webhooks;
		this.people = people;
		this.cases = cases;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	void on(CaseOpened event) {
		webhook(CaseEventType.OPENED, event.caseId(), event);
	}

	@EventListener
	void on(CaseAssigned event) {
		Case view = view(event.caseId());
		tell(event.ownerUserId(), view, "CASE_ASSIGNED", "案例 #%d 已分派给您：%s", "Case #%d was assigned to you: %s");
		webhook(CaseEventType.ASSIGNED, event.caseId(), event);
	}

	@EventListener
	void on(CaseEscalated event) {
		Case view = view(event.caseId());
		if (event.escalatedToUserId() != null) {
			tell(event.escalatedToUserId(), view, "CASE_ESCALATED", "案例 #%d 超时未处理，已升级至您（第 " + event.level() + " 级）：%s",
					"Case #%d missed its SLA and was escalated to you (level " + event.level() + "): %s");
		}
		webhook(CaseEventType.ESCALATED, event.caseId(), event);
	}

	@EventListener
	void on(CaseResolved event) {
		webhook(CaseEventType.RESOLVED, event.caseId(), event);
	}

	@EventListener
	void on(CaseClosed event) {
		webhook(CaseEventType.CLOSED, event.caseId(), event);
	}

	@EventListener
	void on(CaseReopened event) {
		Case view = view(event.caseId());
		Long owner = this.cases.load(event.caseId(), VisibleUnits.ALL).map((file) -> file.ownerUserId).orElse(null);
		if (owner != null) {
			tell(owner, view, "CASE_REOPENED", "案例 #%d 已重新打开：%s", "Case #%d was reopened: %s");
		}
		webhook(CaseEventType.REOPENED, event.caseId(), event);
	}

	/** Tells the users that a rule matched a response (and which case it opened). */
	void alert(Collection<Long> userIds, AlertRule rule, AlertInput input, @Nullable Long caseId) {
		for (long userId : userIds) {
			this.people.byId(userId).ifPresent((user) -> {
				boolean english = "en".equals(user.locale());
				String subject = english ? "Alert: " + rule.name().en() : "预警：" + rule.name().zh();
				StringBuilder body = new StringBuilder(
						english ? "A response matched the alert rule " + rule.code() : "一条反馈触发了预警规则 " + rule.code());
				body.append(english ? ".\nResponse: " : "。\n反馈编号：").append(input.responseId());
				if (input.nps() != null) {
					body.append("\nNPS: ").append(input.nps());
				}
				input.comments().forEach((comment) -> body.append('\n').append(comment));
				if (caseId != null) {
					body.append(english ? "\nCase: " : "\n案例：").append("/api/v1/cases/").append(caseId);
				}
				this.inbox.deliver(user, caseId, "ALERT", subject, body.toString());
			});
		}
	}

	/**
	 * Tells the users of a significant drop; answers how many were told.
	 */
	int drop(Collection<Long> userIds, AlertRule rule, DropAlert alert) {
		int told = 0;
		for (long userId : userIds) {
			People.User user = this.people.byId(userId).filter(People.User::enabled).orElse(null);
			if (user == null) {
				continue;
			}
			boolean english = "en".equals(user.locale());
			String what = (alert.slice() == DropCondition.Slice.UNIT) ? (english ? "unit " : "单位 ")
					: (english ? "touchpoint " : "触点 ");
			String subject = english
					? String.format("Drop alert: %s of %s%s fell by %.1f", alert.metric(), what, alert.code(),
							-alert.difference())
					: String.format("下降预警：%s%s 的 %s 下降了 %.1f", what, alert.code(), alert.metric(), -alert.difference());
			String body = (english ? "Rule: " : "规则：") + rule.code() + " ("
					+ (english ? rule.name().en() : rule.name().zh()) + ")\n" + (english ? "Period: " : "期间：")
					+ alert.periodStart() + " – " + alert.periodEnd() + "\n"
					+ String.format(
							english ? "Now %.2f (n=%d), before %.2f (n=%d), change %.2f, p=%.4f"
									: "本期 %.2f（n=%d），上期 %.2f（n=%d），变化 %.2f，p=%.4f",
							alert.value(), alert.responses(), alert.previousValue(), alert.previousResponses(),
							alert.difference(), alert.pValue())
					+ "\n/api/v1/alert-rules/" + rule.code() + "/drops";
			this.inbox.deliver(user, null, "DROP_ALERT", subject, body);
			told++;
		}
		return told;
	}

	private void tell(long userId, Case view, String kind, String zh, String en) {
		this.people.byId(userId).ifPresent((user) -> {
			boolean english = "en".equals(user.locale());
			String subject = String.format(english ? en : zh, view.id(), view.title());
			String body = subject + "\n" + (english ? "Priority: " : "优先级：") + view.priority() + "\n"
					+ (english ? "Unit: " : "单位：") + view.unit() + "\n" + (english ? "Resolve by: " : "解决时限：")
					+ view.resolutionDue() + "\n/api/v1/cases/" + view.id();
			this.inbox.deliver(user, view.id(), kind, subject, body);
		});
	}

	private void webhook(CaseEventType type, long caseId, Object event) {
		String eventId = UUID.randomUUID().toString();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", eventId);
		payload.put("type", type.type());
		payload.put("occurredAt", this.clock.instant().toString());
		payload.put("data", event);
		payload.put("case", view(caseId));
		this.webhooks.enqueue(type, eventId, caseId, this.json.writeValueAsString(payload));
	}

	private Case view(long caseId) {
		return this.cases.view(caseId, VisibleUnits.ALL).orElseThrow();
	}

}
