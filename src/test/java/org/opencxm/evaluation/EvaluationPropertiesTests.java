package org.opencxm.evaluation;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EvaluationPropertiesTests {

	@Test
	void bindsTheDocumentedDefaults() {
		EvaluationProperties properties = bind(Map.of());

		assertThat(properties).isEqualTo(EvaluationProperties.defaults());
		assertThat(properties.halfLife()).isEqualTo(Duration.ofDays(90));
	}

	@Test
	void bindsOverrides() {
		EvaluationProperties properties = bind(Map.of("opencxm.evaluation.gap-tolerance", "1",
				"opencxm.evaluation.strong-at-least", "6", "opencxm.evaluation.half-life", "30d"));

		assertThat(properties.gapTolerance()).isEqualTo(1);
		assertThat(properties.strongAtLeast()).isEqualTo(6);
		assertThat(properties.weakAtMost()).isEqualTo(3);
		assertThat(properties.halfLife()).isEqualTo(Duration.ofDays(30));
	}

	@Test
	void rejectsThresholdsThatContradictEachOther() {
		assertThatExceptionOfType(BindException.class).isThrownBy(
				() -> bind(Map.of("opencxm.evaluation.weak-at-most", "5", "opencxm.evaluation.strong-at-least", "4")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("opencxm.evaluation.half-life", "0s")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bind(Map.of("opencxm.evaluation.satisfaction-below-at-most", "5")));
	}

	private static EvaluationProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("opencxm.evaluation",
				Bindable.of(EvaluationProperties.class));
	}

}
