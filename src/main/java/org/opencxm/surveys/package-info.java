/**
 * Feedback collection: survey definitions and templates, triggers and contact rules,
 * invitations and their channels, the respondent page, and responses.
 */
@NullMarked
package org.opencxm.surveys;

import org.jspecify.annotations.NullMarked;
