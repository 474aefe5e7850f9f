package org.opencxm.journeys;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A touchpoint with its child touchpoints, as a journey's stages show them. In JSON the
 * touchpoint's fields and {@code children} sit side by side.
 */
public record TouchpointNode(@JsonUnwrapped Touchpoint touchpoint, List<TouchpointNode> children) {

	public TouchpointNode {
		children = List.copyOf(children);
	}

}
