/**
 * Types every module shares: problem-detail errors, localized text, pages of results.
 */
@NullMarked
package org.opencxm.shared;

import org.jspecify.annotations.NullMarked;
