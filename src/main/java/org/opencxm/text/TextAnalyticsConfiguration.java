package org.opencxm.text;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the text analytics engine as a bean. The lexicon engine is the default
 * ({@code opencxm.text.engine=lexicon}); {@code embedding} selects the embedding engine,
 * which only a build with the {@code embeddings} Maven profile contains.
 */
@Configuration(proxyBeanMethods = false)
class TextAnalyticsConfiguration {

	@Bean
	@ConditionalOnProperty(name = "opencxm.text.engine", havingValue = "lexicon", matchIfMissing = true)
	TextAnalyzer textAnalyzer() {
		return new TextAnalyzer();
	}

	@Bean
	@ConditionalOnProperty(name = "opencxm.text.engine", havingValue = "embedding")
	@ConditionalOnMissingClass("org.opencxm.text.EmbeddingEngine")
	CommentEngine missingEmbeddingEngine() {
		throw new IllegalStateException("opencxm.text.engine=embedding needs the embedding engine, which a build"
				+ " with the Maven profile embeddings contains: ./mvnw -P embeddings package");
	}

}
