package org.opencxm.text;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the text analytics engine as a bean. The lexicon engine is the default
 * ({@code opencxm.text.engine=lexicon}).
 */
@Configuration(proxyBeanMethods = false)
class TextAnalyticsConfiguration {

	@Bean
	@ConditionalOnProperty(name = "opencxm.text.engine", havingValue = "lexicon", matchIfMissing = true)
	TextAnalyzer textAnalyzer() {
		return new TextAnalyzer();
	}

}
