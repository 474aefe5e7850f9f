package org.opencxm.actions;

/**
 * What a customer was given to make up for a bad experience (补偿).
 */
public enum CompensationType {

	REFUND, VOUCHER, GIFT, POINTS, FREE_SERVICE, CASH, OTHER

}
