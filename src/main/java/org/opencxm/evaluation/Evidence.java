package org.opencxm.evaluation;

/**
 * Where the stimulus intensity or the participation of an assessment came from.
 */
public enum Evidence {

	/** The survey's own item for it. */
	ITEM,
	/** The mean of the SEM items (stimulus intensity only). */
	SEM_ITEMS,
	/** Not asked: counted as not strong. */
	NONE

}
