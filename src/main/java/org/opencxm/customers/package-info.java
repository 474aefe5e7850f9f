/**
 * Customer profiles: identity, contact data, typed attributes, lifecycle class, value
 * tier, home org unit and consent per channel.
 */
@NullMarked
package org.opencxm.customers;

import org.jspecify.annotations.NullMarked;
