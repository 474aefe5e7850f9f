package org.opencxm.customers;

/**
 * How much a customer is worth to the company, for managing customers differently by the
 * value they bring (区别管理).
 */
public enum ValueTier {

	VIP, HIGH, MEDIUM, LOW

}
