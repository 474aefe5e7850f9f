package org.opencxm.surveys;

import java.util.ArrayList;
import java.util.List;

import org.opencxm.shared.LocalizedText;
import org.opencxm.shared.SemModule;

/**
 * The content of the ready surveys, in Chinese and English.
 */
final class TemplateCatalog {

	record Entry(String id, LocalizedText name, LocalizedText description, SurveyDefinition definition) {

	}

	private TemplateCatalog() {
	}

	static List<Entry> entries() {
		return List.of(relationship(), touchpoint(), handover(), bank(), event(), caseRecovery());
	}

	private static Entry relationship() {
		return new Entry(SurveyTemplates.RELATIONSHIP_NPS, t("客户关系 NPS", "Relationship NPS"),
				t("定期询问客户向他人推荐我们的意愿及原因。", "Ask customers regularly how likely they are to recommend us, and why."),
				new SurveyDefinition(t("您的意见很重要", "Your opinion matters"),
						t("{customer.name}，您好！耽误您一分钟时间。", "Hello {customer.name}, this takes one minute."), thanks(),
						List.of(nps("nps", true, "您有多大可能向朋友或同事推荐我们？",
								"How likely are you to recommend us to a friend or colleague?"),
								new Question.MultipleChoice("improve",
										t("我们最需要改进的是哪些方面？", "What should we improve most?"), false,
										new Question.Condition("nps", Question.Condition.Operator.AT_MOST, 8, null),
										factors(), 3),
								text("reason", "请告诉我们您打这个分数的主要原因。", "What is the main reason for your score?"))));
	}

	private static Entry touchpoint() {
		List<Question> questions = new ArrayList<>();
		questions.add(nps("nps", true, "基于您在{touchpoint}的体验，您有多大可能向朋友推荐我们？",
				"Based on your experience at {touchpoint}, how likely are you to recommend us to a friend?"));
		questions.add(new Question.Csat("csat",
				t("您对{touchpoint}的整体满意度如何？", "How satisfied are you with {touchpoint} overall?"), true, null,
				t("非常不满意", "Very dissatisfied"), t("非常满意", "Very satisfied")));
		questions.add(new Question.Ces("ces", t("办理您的事情有多容易？", "How easy was it to get done what you came for?"), true,
				null, t("非常困难", "Very difficult"), t("非常容易", "Very easy")));
		questions.addAll(semItems());
		questions.add(new Question.Participation("participation",
				t("您在多大程度上亲身参与了这次体验？", "How actively did you take part in this experience?"), false, null,
				t("只是旁观", "Just watched"), t("全程投入", "Fully involved")));
		questions.add(
				new Question.Intensity("intensity", t("这次体验给您留下的印象有多深？", "How strongly did this experience touch you?"),
						false, null, t("毫无感觉", "Not at all"), t("难以忘怀", "Unforgettable")));
		questions.add(text("comment", "还有什么想告诉我们的吗？", "Anything else you would like to tell us?"));
		return new Entry(SurveyTemplates.TOUCHPOINT, t("触点体验调查", "Touchpoint survey"), t(
				"接触后立即询问：NPS、满意度、费力度、五种体验（SEM）、参与度与刺激强度、意见。",
				"Right after a contact: NPS, CSAT, effort, the five SEM modules, participation and intensity, a comment."),
				new SurveyDefinition(t("您在{touchpoint}的体验", "Your visit to {touchpoint}"),
						t("{customer.name}，感谢您光临{unit}。", "{customer.name}, thank you for visiting {unit}."), thanks(),
						questions));
	}

	private static Entry handover() {
		List<Question.Option> areas = List.of(option("walls", "墙面与地面", "Walls and floors"),
				option("doors", "门窗", "Doors and windows"), option("plumbing", "水电", "Plumbing and electrics"),
				option("kitchen", "厨卫", "Kitchen and bathroom"), option("common", "公共区域", "Common areas"));
		return new Entry(SurveyTemplates.REAL_ESTATE_HANDOVER, t("交房满意度调查", "Home handover survey"),
				t("交房后询问房屋质量与交付过程是否达到期望。", "After the handover: did the home and the handover meet expectations?"),
				new SurveyDefinition(t("交房体验调查", "Your home handover"), t("{customer.name}，恭喜您收房！请花两分钟告诉我们您的感受。",
						"Congratulations on your new home, {customer.name}! Two minutes to tell us how it went."),
						thanks(), List.of(
								new Question.Csat("csat",
										t("您对{unit}本次交房的整体满意度如何？",
												"How satisfied are you with the handover at {unit} overall?"),
										true, null, null, null),
								new Question.ExpectationPerception("quality",
										t("房屋质量：您的期望与实际感受", "Build quality: what you expected and what you found"),
										true, null, "build-quality"),
								new Question.ExpectationPerception("process",
										t("交付流程：您的期望与实际感受", "Handover process: what you expected and what you found"),
										true, null, "handover-process"),
								new Question.Rating("staff",
										t("交付人员的专业程度", "How professional were the handover staff?"), true, null, 1, 5,
										t("很不专业", "Not at all"), t("非常专业", "Very professional")),
								new Question.SingleChoice("issues", t("验房时是否发现问题？", "Did you find any defects?"), true,
										null, List.of(option("yes", "是", "Yes"), option("no", "否", "No"))),
								new Question.MultipleChoice("areas", t("问题出现在哪些部位？", "Where were the defects?"), true,
										new Question.Condition("issues", Question.Condition.Operator.ANY_OF, null,
												List.of("yes")),
										areas, null),
								nps("nps", true, "您有多大可能向亲友推荐我们的楼盘？",
										"How likely are you to recommend our homes to friends and family?"),
								text("comment", "您对交房还有什么意见或建议？", "Any other remarks about the handover?"))));
	}

	private static Entry bank() {
		String[][] steps = { { "greet", "迎：进门时有人主动问候您", "Greet: someone welcomed you as you came in" },
				{ "ask", "问：工作人员询问了您的需求", "Ask: staff asked what you needed" },
				{ "receive", "接：您的材料被妥善接收", "Receive: your documents were received with care" },
				{ "handle", "办：业务办理快速准确", "Handle: your business was handled quickly and correctly" },
				{ "offer", "销：推荐的产品符合您的需要", "Offer: what was suggested fitted your needs" },
				{ "hand-over", "递：凭证和物品双手递交、说明清楚", "Hand over: papers were handed over and explained" },
				{ "see-off", "送：离开时工作人员礼貌道别", "See off: staff said goodbye politely" } };
		List<Question> questions = new ArrayList<>();
		for (String[] step : steps) {
			questions.add(new Question.Rating(step[0], t(step[1], step[2]), true, null, 1, 5, t("完全没有", "Not at all"),
					t("完全做到", "Fully")));
		}
		questions.add(new Question.Csat("csat",
				t("您对本次在{unit}办理业务的整体满意度？", "How satisfied are you with your visit to {unit} overall?"), true, null,
				null, null));
		questions
			.add(nps("nps", true, "您有多大可能向亲友推荐我行？", "How likely are you to recommend our bank to friends and family?"));
		questions.add(text("comment", "请告诉我们做得好或需要改进的地方。", "Tell us what went well or what we should improve."));
		return new Entry(SurveyTemplates.BANK_SEVEN_STEP, t("网点七步服务调查", "Branch seven-step service survey"), t(
				"按迎、问、接、办、销、递、送七步评价网点服务。",
				"Rates a branch visit on the seven steps: greet, ask, receive, handle, offer, hand over, see off."),
				new SurveyDefinition(t("您在{unit}的服务体验", "Your visit to {unit}"),
						t("{customer.name}，感谢您今天光临。", "{customer.name}, thank you for visiting us today."), thanks(),
						questions));
	}

	private static Entry event() {
		return new Entry(SurveyTemplates.EVENT_FEEDBACK, t("活动反馈调查", "Event feedback survey"),
				t("活动或体验方案结束后收集参与者的感受。", "Collects participants' views after an event or experience programme."),
				new SurveyDefinition(t("活动反馈", "Event feedback"),
						t("{customer.name}，感谢您参加本次活动！", "{customer.name}, thank you for joining us!"), thanks(),
						List.of(new Question.Csat("csat",
								t("您对本次活动的整体满意度？", "How satisfied are you with the event overall?"), true, null, null,
								null),
								new Question.Intensity("intensity",
										t("活动内容给您的印象有多深？", "How strongly did the event touch you?"), true, null,
										t("毫无感觉", "Not at all"), t("难以忘怀", "Unforgettable")),
								new Question.Participation("participation",
										t("您在活动中的参与程度？", "How actively did you take part?"), true, null,
										t("只是旁观", "Just watched"), t("全程投入", "Fully involved")),
								new Question.Sem("feel", t("活动让我感到愉快。", "The event made me feel good."), false, null,
										SemModule.FEEL),
								new Question.Sem("relate",
										t("活动让我感觉与其他参与者和品牌更亲近。",
												"The event made me feel closer to other participants and the brand."),
										false, null, SemModule.RELATE),
								new Question.SingleChoice("again",
										t("您还会参加我们的活动吗？", "Would you come to another of our events?"), true, null,
										List.of(option("yes", "会", "Yes"), option("maybe", "看情况", "Maybe"),
												option("no", "不会", "No"))),
								nps("nps", true, "您有多大可能向朋友推荐我们的活动？",
										"How likely are you to recommend our events to a friend?"),
								text("comment", "您最喜欢或最不喜欢的环节是什么？", "What did you like most, or least?"))));
	}

	/**
	 * The follow-up after a case is resolved. The question codes {@code resolved} (option
	 * {@code yes}) and {@code satisfaction} are what the closed loop reads.
	 */
	private static Entry caseRecovery() {
		return new Entry(SurveyTemplates.CASE_RECOVERY, t("问题解决回访", "Case recovery follow-up"),
				t("问题处理完毕后回访客户：问题是否已解决？现在满意吗？",
						"After a complaint is resolved: is the problem solved, and how satisfied is the customer now?"),
				new SurveyDefinition(t("您的问题解决了吗？", "Did we solve your problem?"), t(
						"{customer.name}，您好！我们刚刚处理了您反映的问题，想确认一下结果。",
						"Hello {customer.name}, we have just worked on the problem you told us about and would like to check how it went."),
						t("感谢您的回复！如果问题仍未解决，我们会再次跟进。",
								"Thank you for your answer! If the problem is not solved, we will follow up again."),
						List.of(new Question.SingleChoice("resolved", t("您反映的问题解决了吗？", "Is your problem resolved?"),
								true, null, List.of(option("yes", "已解决", "Yes"), option("no", "没有解决", "No"))),
								new Question.Csat("satisfaction",
										t("您现在对我们的整体满意度如何？", "How satisfied are you with us now?"), true, null,
										t("非常不满意", "Very dissatisfied"), t("非常满意", "Very satisfied")),
								text("comment", "还有什么想告诉我们的吗？", "Anything else you would like to tell us?"))));
	}

	private static List<Question> semItems() {
		return List.of(
				new Question.Sem("sem-sense", t("环境、声音和气味让人感到舒适。", "The place looked, sounded and smelled pleasant."),
						false, null, SemModule.SENSE),
				new Question.Sem("sem-feel", t("这次接触让我心情愉快。", "This visit put me in a good mood."), false, null,
						SemModule.FEEL),
				new Question.Sem("sem-think", t("我了解到了有用或新颖的东西。", "I learned something useful or new."), false, null,
						SemModule.THINK),
				new Question.Sem("sem-act", t("整个过程方便我亲自参与和操作。", "It was easy to take part and do things myself."),
						false, null, SemModule.ACT),
				new Question.Sem("sem-relate",
						t("我感到自己是被重视的客户群体的一员。", "I felt part of a community of valued customers."), false, null,
						SemModule.RELATE));
	}

	private static List<Question.Option> factors() {
		return List.of(option("product", "产品", "Product"), option("service", "服务", "Service"),
				option("relationship", "关系", "Relationship"), option("convenience", "便利性", "Convenience"),
				option("brand", "品牌形象", "Brand image"), option("price", "价格", "Price"));
	}

	private static Question nps(String code, boolean required, String zh, String en) {
		return new Question.Nps(code, t(zh, en), required, null, t("完全不可能", "Not at all likely"),
				t("极有可能", "Extremely likely"));
	}

	private static Question text(String code, String zh, String en) {
		return new Question.OpenText(code, t(zh, en), false, null);
	}

	private static Question.Option option(String code, String zh, String en) {
		return new Question.Option(code, t(zh, en));
	}

	private static LocalizedText thanks() {
		return t("感谢您的反馈！我们会认真阅读每一条意见。", "Thank you for your feedback! We read every answer.");
	}

	private static LocalizedText t(String zh, String en) {
		return new LocalizedText(zh, en);
	}

}
