package org.opencxm.actions;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A compensation given to a customer: its type, amount and ISO 4217 currency.
 */
public record Compensation(@NotNull CompensationType type,
		@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
		@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as CNY") String currency) {

}
