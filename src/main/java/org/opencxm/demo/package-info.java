/**
 * The demo workspace: on first start of an empty database, a deterministic showcase of
 * three companies, their journeys, customers and a year of interactions.
 */
@NullMarked
package org.opencxm.demo;

import org.jspecify.annotations.NullMarked;
