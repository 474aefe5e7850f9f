package org.opencxm.surveys;

import org.opencxm.customers.ConsentChannel;

/**
 * The ways an invitation reaches a customer: e-mail through SMTP, or a text message or
 * WeChat message through the gateway's webhook. Each needs the customer's consent on the
 * matching channel.
 */
public enum InvitationChannel {

	EMAIL(ConsentChannel.EMAIL), SMS(ConsentChannel.SMS), WECHAT(ConsentChannel.WECHAT);

	private final ConsentChannel consent;

	InvitationChannel(ConsentChannel consent) {
		this.consent = consent;
	}

	public ConsentChannel consent() {
		return this.consent;
	}

}
