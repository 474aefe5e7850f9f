package org.opencxm.actions;

import java.util.List;

/**
 * The ids a rule's limits stand for, kept with the codes so that evaluation needs no
 * lookups.
 */
record StoredLimits(AlertLimits codes, List<Long> touchpointIds, List<Long> stageIds, List<Long> unitIds) {
}
