/**
 * Segments (target accounts, TA): named rules over customer fields, attributes, org units
 * and contacts, evaluated live as one SQL condition.
 */
@NullMarked
package org.opencxm.segments;

import org.jspecify.annotations.NullMarked;
