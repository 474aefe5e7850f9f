package org.opencxm.surveys;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the surveys tests add to the application: a real SMTP server (GreenMail) on a free
 * port with the mail sender pointed at it, a listener that records every
 * {@link ResponseRecorded}, and an open-case check driven by the tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class SurveyTestConfiguration {

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	@Bean
	JavaMailSenderImpl mailSender(GreenMail greenMail) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		return sender;
	}

	@Bean
	RecordedResponses recordedResponses() {
		return new RecordedResponses();
	}

	@Bean
	OpenCases openCases() {
		return new OpenCases();
	}

	static class RecordedResponses {

		final List<ResponseRecorded> events = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener
		void on(ResponseRecorded event) {
			this.events.add(event);
		}

		List<ResponseRecorded> of(long responseId) {
			return this.events.stream().filter((e) -> e.responseId() == responseId).toList();
		}

	}

	static class OpenCases implements OpenCaseCheck {

		final Set<Long> customers = ConcurrentHashMap.newKeySet();

		@Override
		public boolean hasOpenCase(long customerId) {
			return this.customers.contains(customerId);
		}

	}

}
