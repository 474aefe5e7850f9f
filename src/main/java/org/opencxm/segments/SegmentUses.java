package org.opencxm.segments;

import java.util.List;

/**
 * Something in another module that names segments by code (alert rules limited to
 * segments): asked before a segment is deleted, which is refused while anything still
 * uses it. The modules that name segments depend on this one, so they implement this
 * rather than this module asking them.
 */
public interface SegmentUses {

	/** What uses the segment with this code now; empty if nothing does. */
	List<SegmentUse> of(String code);

}
