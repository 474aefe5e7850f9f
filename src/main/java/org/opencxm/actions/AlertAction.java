package org.opencxm.actions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a rule does when a response matches: open a case with this priority, notify users
 * (by user name) and/or the manager of the response's unit.
 */
public record AlertAction(boolean openCase, @Nullable Priority priority,
		@Nullable @Size(max = 20) List<@NotNull String> notifyUsers, boolean notifyUnitManager) {

	public AlertAction {
		notifyUsers = (notifyUsers != null) ? List.copyOf(notifyUsers) : List.of();
	}

	/** Reads an action in which the flags left out are false. */
	@JsonCreator
	static AlertAction of(@JsonProperty("openCase") @Nullable Boolean openCase,
			@JsonProperty("priority") @Nullable Priority priority,
			@JsonProperty("notifyUsers") @Nullable List<String> notifyUsers,
			@JsonProperty("notifyUnitManager") @Nullable Boolean notifyUnitManager) {
		return new AlertAction(Boolean.TRUE.equals(openCase), priority, notifyUsers,
				Boolean.TRUE.equals(notifyUnitManager));
	}

}
