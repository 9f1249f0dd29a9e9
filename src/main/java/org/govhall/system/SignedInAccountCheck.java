package org.govhall.system;

import java.io.IOException;
import java.util.HashSet;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds the account as it was at sign-in, in the container or in the
 * database (Spring Session JDBC). On every request this reloads the account and ends the
 * session when it was disabled, its roles changed or its password was changed or reset
 * since (issue 12, ADR 0023): a disabled account's session stops working at its next
 * request, on any node. When the database cannot be reached the session is left alone;
 * the page itself answers 503.
 */
final class SignedInAccountCheck extends OncePerRequestFilter {

	private final UserDetailsService users;

	SignedInAccountCheck(UserDetailsService users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && !(auth instanceof AnonymousAuthenticationToken)
				&& auth.getPrincipal() instanceof UserDetails signedIn && !current(signedIn)) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether the account is still enabled, with the same password and roles as when it
	 * signed in.
	 */
	private boolean current(UserDetails signedIn) {
		UserDetails now;
		try {
			now = users.loadUserByUsername(signedIn.getUsername());
		}
		catch (UsernameNotFoundException ex) {
			return false;
		}
		catch (RuntimeException ex) {
			if (ErrorHandling.isDatabaseUnavailable(ex)) {
				return true;
			}
			throw ex;
		}
		return now.isEnabled() && Objects.equals(now.getPassword(), signedIn.getPassword())
				&& new HashSet<>(now.getAuthorities()).equals(new HashSet<>(signedIn.getAuthorities()));
	}

}
