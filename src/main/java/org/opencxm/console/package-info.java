/**
 * The web console: server-rendered pages that compose the other modules for people, in
 * zh-CN and English.
 */
@NullMarked
package org.opencxm.console;

import org.jspecify.annotations.NullMarked;
