package org.opencxm.text;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the embedding engine when the application is built with the
 * {@code embeddings} Maven profile and run with {@code opencxm.text.engine=embedding}.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingEngineConfiguration {

	@Bean
	@ConditionalOnProperty(name = "opencxm.text.engine", havingValue = "embedding")
	CommentEngine embeddingEngine() {
		return new EmbeddingEngine();
	}

}
