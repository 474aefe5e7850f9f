package org.opencxm.text;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.opencxm.shared.Codes;
import org.opencxm.shared.LocalizedText;

/**
 * What a CX manager sends to create or change a workspace theme: at least one keyword or
 * example sentence, in either language.
 */
public record ThemeRequest(
		@Nullable @Size(min = 1, max = 64) @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
		@NotNull @Valid LocalizedText name,
		@Nullable @Size(max = Themes.MAX_KEYWORDS) List<@NotBlank @Size(max = 100) String> keywords,
		@Nullable @Size(max = Themes.MAX_EXAMPLES) List<@NotBlank @Size(max = 500) String> examples) {

}
