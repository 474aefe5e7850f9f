package org.opencxm.actions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.opencxm.ApplicationTest;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An application test of the closed loop: one shared context with a clock the tests move,
 * a mail server, and the schedules slowed down so that tests run the SLA check, the drop
 * rules and the dispatchers themselves; only survey invitations are sent every second, as
 * soon as the moved clock makes them due.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationTest
@Import(ActionsTestConfiguration.class)
@TestPropertySource(properties = { "opencxm.actions.dispatch-interval=PT1H", "opencxm.actions.sla-check-interval=PT1H",
		"opencxm.actions.drop-check-interval=PT1H", "opencxm.actions.webhook-timeout=3s",
		"opencxm.surveys.dispatch-interval=1s" })
@interface ActionsTest {

}
