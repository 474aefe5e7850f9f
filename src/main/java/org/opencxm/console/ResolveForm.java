package org.opencxm.console;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.actions.Case;
import org.opencxm.actions.Compensation;
import org.opencxm.actions.CompensationType;
import org.opencxm.actions.Recovery;
import org.opencxm.actions.ResolveRequest;

/**
 * The resolution form of a case: the root cause, a summary and the recovery given (an
 * apology, an explanation, the fix, a compensation), with the version of the case the
 * user saw.
 */
record ResolveForm(@NotBlank(message = "{validation.required}") @Nullable String rootCause,
		@Size(max = 4000, message = "{validation.tooLong}") @Nullable String summary, @Nullable Boolean apology,
		@Nullable Boolean explanation, @Size(max = 1000, message = "{validation.tooLong}") @Nullable String fix,
		@Nullable CompensationType compensationType,
		@DecimalMin(value = "0.00", message = "{validation.amount}") @Digits(integer = 12, fraction = 2,
				message = "{validation.amount}") @Nullable BigDecimal compensationAmount,
		@Pattern(regexp = "^[A-Z]{3}$", message = "{validation.currency}") @Nullable String compensationCurrency,
		@Nullable Long version) {

	static ResolveForm empty(Case item) {
		return new ResolveForm(null, null, null, null, null, null, null, "CNY", item.version());
	}

	/** Whether the form says what was done for the customer. */
	boolean recovered() {
		return Boolean.TRUE.equals(this.apology) || Boolean.TRUE.equals(this.explanation)
				|| (this.fix != null && !this.fix.isBlank()) || this.compensationType != null;
	}

	ResolveRequest request(@Nullable Long version) {
		Compensation compensation = (this.compensationType != null) ? new Compensation(this.compensationType,
				(this.compensationAmount != null) ? this.compensationAmount : BigDecimal.ZERO,
				(this.compensationCurrency != null) ? this.compensationCurrency : "CNY") : null;
		return new ResolveRequest(String.valueOf(this.rootCause), this.summary,
				new Recovery(Boolean.TRUE.equals(this.apology), Boolean.TRUE.equals(this.explanation), this.fix,
						compensation),
				version);
	}

}
