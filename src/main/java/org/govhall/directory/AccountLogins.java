package org.govhall.directory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for login and throttles guessing: repeated failures lock the account for a while. */
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

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		directory.recordLogin(event.getAuthentication().getName(), false);
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof GovHallUser user && !user.hadFailedLogins()) {
			return;
		}
		directory.recordLogin(event.getAuthentication().getName(), true);
	}

}
