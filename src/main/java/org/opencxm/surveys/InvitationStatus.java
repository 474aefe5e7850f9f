package org.opencxm.surveys;

/**
 * Where an invitation stands. PENDING waits for its time (or for quiet hours to end);
 * SENDING is claimed by one dispatcher; SUPPRESSED names the contact rule that stopped
 * it; FAILED could not be delivered after its retries.
 */
public enum InvitationStatus {

	PENDING, SENDING, SENT, SUPPRESSED, FAILED, ANSWERED, EXPIRED

}
