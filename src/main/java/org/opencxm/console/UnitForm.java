package org.opencxm.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.org.OrgUnit;
import org.opencxm.org.OrgUnitKind;
import org.opencxm.org.OrgUnitRequest;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;

/**
 * The org-unit form: one field per input, messages in the user's language.
 */
record UnitForm(
		@NotBlank(message = "{validation.required}") @Size(max = 64, message = "{validation.code}") @Pattern(
				regexp = Codes.PATTERN, message = "{validation.code}") @Nullable String code,
		@Nullable String parentCode, @NotNull(message = "{validation.required}") @Nullable OrgUnitKind kind,
		@NotBlank(message = "{validation.required}") @Size(max = 500,
				message = "{validation.tooLong}") @Nullable String nameZh,
		@NotBlank(message = "{validation.required}") @Size(max = 500,
				message = "{validation.tooLong}") @Nullable String nameEn,
		@Nullable String timeZone) {

	static UnitForm empty(@Nullable String parentCode) {
		return new UnitForm(null, parentCode, (parentCode != null) ? OrgUnitKind.STORE : OrgUnitKind.COMPANY, null,
				null, null);
	}

	static UnitForm of(OrgUnit unit) {
		return new UnitForm(unit.code(), unit.parentCode(), unit.kind(), unit.name().zh(), unit.name().en(),
				unit.timeZone());
	}

	/**
	 * Only called once the form is valid, so the required values are there.
	 */
	OrgUnitRequest request() {
		return new OrgUnitRequest(this.code, this.parentCode, this.kind, new LocalizedText(this.nameZh, this.nameEn),
				this.timeZone);
	}

}
