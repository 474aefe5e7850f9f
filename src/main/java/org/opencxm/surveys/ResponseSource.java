package org.opencxm.surveys;

/**
 * How a response reached OpenCXM: through the API, a personal invitation link, or the
 * anonymous public link of a touchpoint or store.
 */
public enum ResponseSource {

	API, INVITATION, PUBLIC_LINK

}
