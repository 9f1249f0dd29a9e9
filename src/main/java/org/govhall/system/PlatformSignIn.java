package org.govhall.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govhall.directory.Directory;
import org.govhall.directory.GovHallUser;
import org.govhall.directory.IdentityKind;
import org.govhall.directory.PlatformIdentity;
import org.govhall.shared.GovHallException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Back from the identity platform: turns the platform's ID token into GovHall's own
 * principal (ADR 0024). The verified account of the identity number signs in, or a new
 * verified applicant account is made; the session then holds the same {@link GovHallUser}
 * a password login gives, so nothing downstream knows how the person signed in.
 * <p>
 * The ID token's claims: {@code name}, {@code identity_kind} (RESIDENT_ID or
 * CREDIT_CODE), {@code identity_number}, and for an enterprise
 * {@code legal_representative_name} and {@code legal_representative_number}.
 */
class PlatformSignIn implements AuthenticationSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(PlatformSignIn.class);

	private final Directory directory;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	PlatformSignIn(Directory directory) {
		this.directory = directory;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		GovHallUser user;
		try {
			if (!(authentication.getPrincipal() instanceof OidcUser oidc)) {
				throw new IllegalArgumentException("not an OpenID Connect sign-in");
			}
			String username = directory.signInThroughPlatform(identity(oidc));
			user = directory.principal(username).orElseThrow();
		}
		catch (IllegalArgumentException | GovHallException ex) {
			log.warn("Sign-in through the identity platform refused: {}", ex.getMessage());
			holder.clearContext();
			contexts.saveContext(holder.createEmptyContext(), request, response);
			response.sendRedirect(request.getContextPath() + "/login?platformError");
			return;
		}
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		response.sendRedirect(request.getContextPath() + "/cases");
	}

	/**
	 * The platform or its answer failed (a wrong state, an invalid token): back to the
	 * login page, with a notice.
	 */
	static void failed(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
		log.warn("Sign-in through the identity platform failed: {}", ex.getMessage());
		response.sendRedirect(request.getContextPath() + "/login?platformError");
	}

	/**
	 * The identity the platform vouched for; a token without one is refused (400 to the
	 * login page).
	 */
	static PlatformIdentity identity(OidcUser oidc) {
		IdentityKind kind = IdentityKind.valueOf(required(oidc.getClaimAsString("identity_kind")));
		String issuer = oidc.getIssuer() == null ? "platform" : oidc.getIssuer().toString();
		String by = (issuer + "#" + oidc.getSubject());
		return new PlatformIdentity(kind, required(oidc.getClaimAsString("name")),
				required(oidc.getClaimAsString("identity_number")), oidc.getClaimAsString("legal_representative_name"),
				oidc.getClaimAsString("legal_representative_number"), by.length() > 200 ? by.substring(0, 200) : by);
	}

	private static String required(@Nullable String claim) {
		if (claim == null || claim.isBlank()) {
			throw new IllegalArgumentException("a claim is missing");
		}
		return claim;
	}

}
