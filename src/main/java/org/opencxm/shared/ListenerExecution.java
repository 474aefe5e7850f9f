package org.opencxm.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run asynchronous event listeners (evaluation, aggregation, alerts,
 * invitations): a fixed number, with the work that waits for them queued. Unbounded
 * listener threads under a burst of responses all reach for database connections at once
 * and starve the requests that produce the events; a queued event is not at risk, since
 * the event publication registry keeps it until its listener completes.
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

}
