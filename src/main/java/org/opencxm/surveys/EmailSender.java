package org.opencxm.surveys;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends invitations by e-mail through Spring's mail support (SMTP, configured with
 * {@code spring.mail.*}), in the customer's language, with the personal link. An
 * invitation another module asked for (a follow-up, not a visit) says so.
 */
@Component
class EmailSender implements InvitationSender {

	private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final String from;

	EmailSender(ObjectProvider<JavaMailSender> mail, MessageSource messages, SurveyProperties properties) {
		this.mail = mail;
		this.messages = messages;
		this.from = properties.mailFrom();
	}

	@Override
	public InvitationChannel channel() {
		return InvitationChannel.EMAIL;
	}

	@Override
	public String send(Outgoing invitation) throws Exception {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("e-mail is not configured (set spring.mail.host)");
		}
		String to = invitation.customer().email();
		if (to == null || to.isBlank()) {
			throw new IllegalStateException("the customer has no e-mail address");
		}
		Locale locale = invitation.invitation().language().locale();
		String name = (invitation.customer().name() != null) ? invitation.customer().name()
				: this.messages.getMessage("survey.customer", null, "", locale);
		String body = this.messages.getMessage("survey.mail.greeting", new Object[] { name }, locale) + "\n\n"
				+ this.messages.getMessage((invitation.invitation().reference() != null) ? "survey.mail.body.follow-up"
						: "survey.mail.body", null, locale)
				+ "\n" + invitation.surveyTitle() + "\n" + invitation.link() + "\n\n"
				+ this.messages.getMessage("survey.mail.expiry",
						new Object[] { EXPIRY.format(invitation.expiresAt().atZone(invitation.zone())) }, locale)
				+ "\n";
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
		helper.setFrom(this.from);
		helper.setTo(to);
		helper.setSubject(this.messages.getMessage("survey.mail.subject", null, locale));
		helper.setText(body, false);
		sender.send(message);
		return "e-mailed to " + to;
	}

}
