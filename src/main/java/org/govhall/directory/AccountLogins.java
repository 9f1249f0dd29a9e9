package org.govhall.directory;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for login. Guessing is slowed in front of the password check
 * (system/LoginThrottle, ADR 0019), never by locking the account: a lock anyone could set
 * would shut its owner out.
 */
@Component
class AccountLogins implements UserDetailsService {

	private final Directory directory;

	AccountLogins(Directory directory) {
		this.directory = directory;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return directory.principal(username).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
	}

}
