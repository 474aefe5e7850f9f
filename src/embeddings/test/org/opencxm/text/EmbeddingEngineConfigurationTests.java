package org.opencxm.text;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingEngineConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TextAnalyticsConfiguration.class, EmbeddingEngineConfiguration.class);

	@Test
	void thePropertySelectsTheEmbeddingEngine() {
		this.runner.withPropertyValues("opencxm.text.engine=embedding").run((context) -> {
			assertThat(context).hasSingleBean(CommentEngine.class).doesNotHaveBean(TextAnalyzer.class);
			assertThat(context.getBean(CommentEngine.class)).isInstanceOf(EmbeddingEngine.class);
		});
	}

	@Test
	void theLexiconEngineStaysTheDefault() {
		this.runner
			.run((context) -> assertThat(context.getBean(CommentEngine.class)).isInstanceOf(TextAnalyzer.class));
	}

}
