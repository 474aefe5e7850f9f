package org.opencxm.segments;

import org.opencxm.shared.LocalizedText;

/**
 * A segment named in another record (a customer's memberships, an alert rule's limits).
 */
public record SegmentRef(long id, String code, LocalizedText name) {

}
