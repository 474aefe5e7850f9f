package org.opencxm.surveys;

import java.time.Instant;
import java.time.ZoneId;

import org.opencxm.customers.Customer;

/**
 * Delivers invitations through one channel.
 */
interface InvitationSender {

	InvitationChannel channel();

	/**
	 * Sends the invitation and answers a short note of what was done.
	 * @throws Exception if it could not be delivered (the dispatcher retries it)
	 */
	String send(Outgoing invitation) throws Exception;

	/** An invitation ready to go: to whom, with which link, valid until when. */
	record Outgoing(Invitation invitation, InvitationChannel channel, Customer customer, String link, Instant expiresAt,
			ZoneId zone, String surveyTitle) {

	}

}
