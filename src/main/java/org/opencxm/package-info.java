/**
 * OpenCXM application root; each direct sub-package is a module.
 */
@NullMarked
package org.opencxm;

import org.jspecify.annotations.NullMarked;
