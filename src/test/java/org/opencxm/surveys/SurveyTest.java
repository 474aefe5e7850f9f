package org.opencxm.surveys;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.opencxm.ApplicationTest;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An application test of the surveys module: one shared context with a mail server, an
 * event recorder and an open-case check the test controls; the dispatcher is run by the
 * tests themselves.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationTest
@Import(SurveyTestConfiguration.class)
@TestPropertySource(properties = { "opencxm.surveys.dispatch-interval=1h", "opencxm.surveys.webhook.backoff=50ms",
		"opencxm.surveys.rate-limit.per-address=100000", "opencxm.surveys.rate-limit.per-link=20" })
@interface SurveyTest {

}
