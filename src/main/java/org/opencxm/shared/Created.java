package org.opencxm.shared;

/**
 * The outcome of a write that may create: the stored value, and whether this request
 * created it (201) or found it already there or changed it (200).
 */
public record Created<T>(T value, boolean created) {

}
