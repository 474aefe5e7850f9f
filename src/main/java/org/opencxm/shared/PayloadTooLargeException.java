package org.opencxm.shared;

/**
 * The request body is over the configured limit ({@code opencxm.api.max-request-size}).
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(long limit) {
		super("the request body is larger than the limit of " + limit + " bytes");
	}

}
