/**
 * The contact archive: every recorded contact of a customer at a touchpoint, and where
 * each customer stands on each journey.
 */
@NullMarked
package org.opencxm.interactions;

import org.jspecify.annotations.NullMarked;
