package org.opencxm.surveys;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook channels, one for SMS and one for WeChat, each with its own gateway address
 * and the shared signing secret.
 */
@Configuration(proxyBeanMethods = false)
class SurveysConfiguration {

	@Bean
	WebhookSender smsSender(SurveyProperties properties, JsonMapper json, Clock clock) {
		return new WebhookSender(InvitationChannel.SMS, properties.webhook().sms(), properties.webhook(), json, clock);
	}

	@Bean
	WebhookSender wechatSender(SurveyProperties properties, JsonMapper json, Clock clock) {
		return new WebhookSender(InvitationChannel.WECHAT, properties.webhook().wechat(), properties.webhook(), json,
				clock);
	}

}
