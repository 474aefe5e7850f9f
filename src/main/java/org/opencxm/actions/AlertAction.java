package org.opencxm.actions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a rule does when it matches: open a case with this priority (response rules only),
 * notify users (by user name), the manager(s) of the unit concerned, and/or the CX
 * managers whose scope covers it.
 */
public record AlertAction(boolean openCase, @Nullable Priority priority,
		@Nullable @Size(max = 20) List<@NotNull String> notifyUsers, boolean notifyUnitManager,
		boolean notifyCxManagers) {

	public AlertAction {
		notifyUsers = (notifyUsers != null) ? List.copyOf(notifyUsers) : List.of();
	}

	/** Reads an action in which the flags left out are false. */
	@JsonCreator
	static AlertAction of(@JsonProperty("openCase") @Nullable Boolean openCase,
			@JsonProperty("priority") @Nullable Priority priority,
			@JsonProperty("notifyUsers") @Nullable List<String> notifyUsers,
			@JsonProperty("notifyUnitManager") @Nullable Boolean notifyUnitManager,
			@JsonProperty("notifyCxManagers") @Nullable Boolean notifyCxManagers) {
		return new AlertAction(Boolean.TRUE.equals(openCase), priority, notifyUsers,
				Boolean.TRUE.equals(notifyUnitManager), Boolean.TRUE.equals(notifyCxManagers));
	}

}
