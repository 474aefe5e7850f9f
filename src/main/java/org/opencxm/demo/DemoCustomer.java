package org.opencxm.demo;

import java.util.List;

import org.opencxm.customers.CustomerRequest;
import org.opencxm.interactions.InteractionRequest;

/**
 * One demo customer: the profile to store and the contacts of its past year.
 */
record DemoCustomer(CustomerRequest profile, List<InteractionRequest> contacts) {

	DemoCustomer {
		contacts = List.copyOf(contacts);
	}

}
