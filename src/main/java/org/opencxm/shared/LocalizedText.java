package org.opencxm.shared;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * A text in both product languages, written in JSON as {@code {"zh-CN": "…", "en": "…"}}.
 */
public record LocalizedText(@JsonProperty("zh-CN") @NotBlank @Size(max = 500) String zh,
		@JsonProperty("en") @NotBlank @Size(max = 500) String en) {

	public String in(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.zh : this.en;
	}

}
