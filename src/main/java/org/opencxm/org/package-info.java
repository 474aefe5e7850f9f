/**
 * Org units, staff, users, roles and API tokens, and the caller's scope over the unit
 * tree.
 */
@NullMarked
package org.opencxm.org;

import org.jspecify.annotations.NullMarked;
