package org.opencxm.surveys;

import java.time.Duration;

import org.opencxm.MutableClock;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * What the surveys tests add to the application: a real SMTP server (GreenMail) on a free
 * port with the mail sender pointed at it, an SMS/WeChat gateway (a JDK HTTP server) that
 * records what it receives and can be told to fail, a listener that records every
 * {@link ResponseRecorded} and {@link InvitationAnswered}, and an open-case check driven
 * by the tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class SurveyTestConfiguration {

	static final String WEBHOOK_SECRET = "test-webhook-secret";

	/**
	 * The application's clock, moved forward by tests that wait for a retry to fall due.
	 */
	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(Duration.ZERO);
	}

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

	@Bean(destroyMethod = "stop")
	Gateway gateway() throws IOException {
		return new Gateway();
	}

	@Bean
	static DynamicPropertyRegistrar gatewayProperties(Gateway gateway) {
		return (registry) -> {
			registry.add("opencxm.surveys.webhook.sms", () -> gateway.url("/sms"));
			registry.add("opencxm.surveys.webhook.wechat", () -> gateway.url("/wechat"));
			registry.add("opencxm.surveys.webhook.secret", () -> WEBHOOK_SECRET);
		};
	}

	@Bean
	RecordedResponses recordedResponses() {
		return new RecordedResponses();
	}

	@Bean
	OpenCases openCases() {
		return new OpenCases();
	}

	/**
	 * A gateway that records each request and answers 500 to the next {@code failures}.
	 */
	static class Gateway {

		record Received(String path, Map<String, List<String>> headers, String body) {

		}

		final List<Received> received = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		private final HttpServer server;

		Gateway() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/", (exchange) -> {
				try (InputStream in = exchange.getRequestBody()) {
					this.received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(),
							new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				}
				int status = (this.failures.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) ? 500 : 202;
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url(String path) {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
		}

		void stop() {
			this.server.stop(0);
		}

	}

	static class RecordedResponses {

		final List<ResponseRecorded> events = new CopyOnWriteArrayList<>();

		final List<InvitationAnswered> answered = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener
		void on(ResponseRecorded event) {
			this.events.add(event);
		}

		/** Responses sent together are announced together. */
		@ApplicationModuleListener
		void on(ResponsesRecorded event) {
			this.events.addAll(event.responses());
		}

		@ApplicationModuleListener
		void on(InvitationAnswered event) {
			this.answered.add(event);
		}

		List<InvitationAnswered> answered(long invitationId) {
			return this.answered.stream().filter((e) -> e.invitationId() == invitationId).toList();
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
