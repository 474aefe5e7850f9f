package org.opencxm.shared;

import java.net.URI;

import org.springframework.http.ResponseEntity;

/**
 * The outcome of a write that may create: the stored value, and whether this request
 * created it (201) or found it already there or changed it (200).
 */
public record Created<T>(T value, boolean created) {

	/**
	 * The HTTP answer: 201 with the new resource's location, or 200.
	 */
	public ResponseEntity<T> answer(String location) {
		return this.created ? ResponseEntity.created(URI.create(location)).body(this.value)
				: ResponseEntity.ok(this.value);
	}

}
