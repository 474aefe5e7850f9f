package org.opencxm.segments;

import java.util.List;

import org.opencxm.shared.ConflictException;

/**
 * A segment was not deleted because other records still use it: answered with 409 and
 * each of them as a field violation.
 */
public class SegmentInUseException extends ConflictException {

	private final List<SegmentUse> uses;

	SegmentInUseException(String code, List<SegmentUse> uses) {
		super("segment " + code + " is in use and was not deleted", null,
				uses.stream().map(SegmentUse::violation).toList());
		this.uses = List.copyOf(uses);
	}

	public List<SegmentUse> uses() {
		return this.uses;
	}

}
