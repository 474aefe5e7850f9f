package org.opencxm.surveys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts SMS and WeChat invitations to a gateway's webhook as JSON with the link, signed
 * with HMAC-SHA256 over {@code timestamp + "." + body} in
 * {@code X-OpenCXM-Signature: sha256=<hex>} (the timestamp in
 * {@code X-OpenCXM-Timestamp}), so that the gateway can tell them from forgeries and
 * replays. Anything but a 2xx answer is a failed delivery, retried by the dispatcher.
 */
class WebhookSender implements InvitationSender {

	private final InvitationChannel channel;

	private final @Nullable URI url;

	private final SurveyProperties.Webhook settings;

	private final HttpClient http;

	private final JsonMapper json;

	private final java.time.Clock clock;

	WebhookSender(InvitationChannel channel, @Nullable URI url, SurveyProperties.Webhook settings, JsonMapper json,
			java.time.Clock clock) {
		this.channel = channel;
		this.url = url;
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		this.json = json;
		this.clock = clock;
	}

	@Override
	public InvitationChannel channel() {
		return this.channel;
	}

	@Override
	public String send(Outgoing invitation) throws Exception {
		if (this.url == null) {
			throw new IllegalStateException("no webhook is configured for " + this.channel
					+ " (set opencxm.surveys.webhook." + this.channel.name().toLowerCase() + ")");
		}
		String to = (this.channel == InvitationChannel.SMS) ? invitation.customer().phone()
				: invitation.customer().externalId();
		if (to == null || to.isBlank()) {
			throw new IllegalStateException("the customer has no phone number");
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("invitationId", invitation.invitation().id());
		payload.put("channel", this.channel.name());
		payload.put("to", to);
		payload.put("customer", invitation.customer().externalId());
		payload.put("language", invitation.invitation().language().tag());
		payload.put("survey", invitation.surveyTitle());
		payload.put("link", invitation.link());
		payload.put("expiresAt", invitation.expiresAt().toString());
		String body = this.json.writeValueAsString(payload);
		String timestamp = String.valueOf(this.clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.header("X-OpenCXM-Timestamp", timestamp)
			.header("X-OpenCXM-Signature", "sha256=" + sign(this.settings.secret(), timestamp + "." + body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("the " + this.channel + " gateway answered HTTP " + response.statusCode());
		}
		return "posted to the " + this.channel + " gateway (HTTP " + response.statusCode() + ")";
	}

	static String sign(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
