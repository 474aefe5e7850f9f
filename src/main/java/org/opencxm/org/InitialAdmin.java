package org.opencxm.org;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.opencxm.shared.LanguageTag;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start with no users, creates {@code admin}: with the password from
 * {@code OPENCXM_ADMIN_PASSWORD}, or with a random one printed to the log this once.
 * There is no fixed default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final Users users;

	private final String configuredPassword;

	InitialAdmin(Users users, @Value("${opencxm.admin-password:}") String configuredPassword) {
		this.users = users;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.count() > 0) {
			return;
		}
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? randomPassword() : this.configuredPassword;
		this.users.bootstrap("admin", "Administrator", EnumSet.of(Role.ADMIN), null, password, LanguageTag.ZH_CN);
		if (generated) {
			log.warn("Created user 'admin' with the generated password {} (shown only this once; "
					+ "set OPENCXM_ADMIN_PASSWORD to choose it)", password);
		}
		else {
			log.info("Created user 'admin' with the password from OPENCXM_ADMIN_PASSWORD");
		}
	}

	static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
