package org.opencxm.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.opencxm.org.Role;
import org.opencxm.org.UserRequest;
import org.opencxm.org.Users;
import org.opencxm.shared.LanguageTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One sign-in for each role, so that each can be tried: a CX manager, a unit manager of a
 * region, an agent of one project and a read-only viewer. They share one password: the
 * one configured, or a random one printed once. There is no fixed password.
 */
@Component
class DemoUsers {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	private final Users users;

	private final String configuredPassword;

	DemoUsers(Users users, @Value("${opencxm.demo-password:}") String configuredPassword) {
		this.users = users;
		this.configuredPassword = configuredPassword;
	}

	/**
	 * Creates the users (as the system) and logs who they are.
	 * @param agentStaff the staff member the agent signs in as
	 * @return the number of users created
	 */
	int create(String agentStaff, String agentName) {
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? randomPassword() : this.configuredPassword;
		List<DemoUser> demoUsers = List.of(
				new DemoUser("cx.manager", "林晓 Lin Xiao", Role.CX_MANAGER, null, null, LanguageTag.ZH_CN,
						"CX manager, whole organisation"),
				new DemoUser("east.manager", "周建华 Zhou Jianhua", Role.UNIT_MANAGER, "huafu-east", null,
						LanguageTag.ZH_CN, "unit manager, Huafu East China region"),
				new DemoUser("riverside.agent", agentName, Role.AGENT, "huafu-sh-riverside", agentStaff,
						LanguageTag.ZH_CN, "agent, Shanghai Riverside Mansion"),
				new DemoUser("viewer", "Emma Clarke", Role.VIEWER, null, null, LanguageTag.EN,
						"viewer, whole organisation, English"));
		for (DemoUser user : demoUsers) {
			this.users.create(new UserRequest(user.username(), user.displayName(), null, password, Set.of(user.role()),
					user.scope(), user.staff(), user.locale(), true));
		}
		String who = String.join("; ",
				demoUsers.stream().map((user) -> user.username() + " (" + user.description() + ")").toList());
		if (generated) {
			log.warn("Demo users {} have the generated password {} (shown only this once; set "
					+ "OPENCXM_DEMO_PASSWORD to choose it)", who, password);
		}
		else {
			log.info("Demo users {} have the password from OPENCXM_DEMO_PASSWORD", who);
		}
		return demoUsers.size();
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private record DemoUser(String username, String displayName, Role role, @Nullable String scope,
			@Nullable String staff, LanguageTag locale, String description) {
	}

}
