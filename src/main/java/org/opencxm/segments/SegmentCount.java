package org.opencxm.segments;

/**
 * How many customers a rule holds right now, among those the caller may see.
 */
public record SegmentCount(long count) {

}
