package org.opencxm.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.support.CompletionRegisteringAdvisor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;

/**
 * The threads that run asynchronous event listeners (evaluation, aggregation, alerts,
 * invitations): a fixed number, with the work that waits for them queued. Unbounded
 * listener threads under a burst of responses all reach for database connections at once
 * and starve the requests that produce the events; a queued event is not at risk, since
 * the event publication registry keeps it until its listener completes.
 *
 * <p>
 * A listener's publication is marked in progress and completed inside the listener's own
 * transaction, so that what the listener wrote and the end of its publication commit
 * together, in one commit: out of the box the registry marks both in transactions of
 * their own around the listener's, three commits a run, and a stop between the listener's
 * commit and the completion's would hand the event to the listener a second time. A
 * listener that fails rolls back its writes and its publication's marks alike; the
 * publication stays outstanding and is handed over again on the next start.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution {

	@Bean(name = { TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME, "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${opencxm.listener-threads:4}") int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix("listener-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

	/**
	 * Puts the registry's completion advice inside the transaction advice: the
	 * transaction advisor one step before the last, the completion advisor last (it comes
	 * first of all out of the box). Set on the bean definitions, since advisors are made
	 * before any bean post-processor could reach them.
	 */
	@Bean
	static BeanFactoryPostProcessor completionInsideListenerTransactions() {
		return (beanFactory) -> {
			order(beanFactory, BeanFactoryTransactionAttributeSourceAdvisor.class, Ordered.LOWEST_PRECEDENCE - 1);
			order(beanFactory, CompletionRegisteringAdvisor.class, Ordered.LOWEST_PRECEDENCE);
		};
	}

	private static void order(ConfigurableListableBeanFactory beanFactory, Class<?> type, int order) {
		for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
			beanFactory.getBeanDefinition(name).getPropertyValues().add("order", order);
		}
	}

}
