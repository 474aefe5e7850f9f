/**
 * What one response means: NPS class, CSAT top-two-box, effort, SEM module scores, the
 * expectation gap and the experience level of the five-level model, and a customer's
 * experience over time.
 */
@NullMarked
package org.opencxm.evaluation;

import org.jspecify.annotations.NullMarked;
