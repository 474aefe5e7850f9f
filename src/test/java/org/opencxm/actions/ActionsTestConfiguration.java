package org.opencxm.actions;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.opencxm.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The clock and the mail server of {@link ActionsTest}s. The clock starts a day ahead of
 * the real one, so that schedulers of other test contexts sharing a PostgreSQL database
 * never find these tests' deadlines due.
 */
@TestConfiguration(proxyBeanMethods = false)
class ActionsTestConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(Duration.ofDays(1));
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

}
