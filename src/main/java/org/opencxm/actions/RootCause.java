package org.opencxm.actions;

import java.util.List;

import org.opencxm.shared.ExperienceFactor;
import org.opencxm.shared.LocalizedText;

/**
 * A root cause of the managed taxonomy, classified by an experience factor and optionally
 * tied to touchpoints (by code). A retired cause ({@code active} false) stays on the
 * cases it was used for but cannot be chosen for new resolutions.
 */
public record RootCause(long id, String code, LocalizedText name, ExperienceFactor factor, List<String> touchpoints,
		boolean active) {

}
