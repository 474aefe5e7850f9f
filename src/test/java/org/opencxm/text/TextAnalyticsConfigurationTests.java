package org.opencxm.text;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class TextAnalyticsConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(TextAnalyticsConfiguration.class);

	@Test
	void lexiconEngineIsTheDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(TextAnalyzer.class));
		this.runner.withPropertyValues("opencxm.text.engine=lexicon")
			.run((context) -> assertThat(context).hasSingleBean(TextAnalyzer.class));
	}

	@Test
	void otherEnginesLeaveTheLexiconEngineOut() {
		this.runner.withPropertyValues("opencxm.text.engine=other")
			.run((context) -> assertThat(context).doesNotHaveBean(TextAnalyzer.class));
	}

	@Test
	void theEmbeddingEngineWithoutTheEmbeddingsBuildFailsToStartAndSaysWhy() {
		assumeFalse(ClassUtils.isPresent("org.opencxm.text.EmbeddingEngine", null));
		this.runner.withPropertyValues("opencxm.text.engine=embedding")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("-P embeddings package"));
	}

}
