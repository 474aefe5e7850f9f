/**
 * Text analytics of customers' open answers in Chinese and English: sentiment, experience
 * factors, SEM modules, workspace themes and key phrases.
 */
@NullMarked
package org.opencxm.text;

import org.jspecify.annotations.NullMarked;
