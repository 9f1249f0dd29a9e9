package org.govhall.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * The province's unified identity platform (统一身份认证) as GovHall's OpenID Connect provider
 * (issue 12, item 1; ADR 0024). Production names it with {@code GOVHALL_IDENTITY_ISSUER},
 * {@code GOVHALL_IDENTITY_CLIENT_ID} and {@code GOVHALL_IDENTITY_CLIENT_SECRET}; in demo
 * mode it is the demo platform GovHall starts on port 9000 (demo/DemoIdentityPlatform);
 * without either there is no platform and only local accounts sign in.
 * <p>
 * The provider's endpoints are discovered from the issuer when someone first signs in
 * through it, not at startup: GovHall starts, and its tests run, whether or not the
 * platform is up.
 */
@Component
class IdentityPlatform implements ClientRegistrationRepository {

	static final String REGISTRATION_ID = "platform";

	/**
	 * The demo platform's client secret; the demo platform (demo.identityplatform) knows
	 * it too.
	 */
	static final String DEMO_SECRET = "govhall-demo-platform-secret";

	private static final Logger log = LoggerFactory.getLogger(IdentityPlatform.class);

	private final @Nullable String issuer;

	private final String clientId;

	private final String clientSecret;

	private volatile @Nullable ClientRegistration registration;

	IdentityPlatform(SystemSettings settings) {
		SystemSettings.Identity identity = settings.identity();
		String configured = identity.issuer().strip();
		boolean demo = settings.demo().enabled() && identity.demoPlatform().enabled();
		String demoIssuer = "http://localhost:" + identity.demoPlatform().port();
		this.issuer = !configured.isEmpty() ? configured : demo ? demoIssuer : null;
		this.clientId = identity.clientId();
		String secret = identity.clientSecret().strip();
		this.clientSecret = secret.isEmpty() && configured.isEmpty() ? DEMO_SECRET : secret;
	}

	/** Whether a platform is configured: the login page offers it only then. */
	boolean configured() {
		return issuer != null;
	}

	@Nullable String issuer() {
		return issuer;
	}

	/**
	 * Whether the platform answers its discovery document now (it is discovered once,
	 * then remembered).
	 */
	boolean reachable() {
		return registration() != null;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		return REGISTRATION_ID.equals(registrationId) ? registration() : null;
	}

	/**
	 * Where the platform's tokens go after sign-in: nowhere. GovHall calls no platform
	 * API afterwards, and keeping them (in memory, by default) would only grow with every
	 * sign-in.
	 */
	static OAuth2AuthorizedClientRepository forgetting() {
		return new OAuth2AuthorizedClientRepository() {

			@Override
			public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
					Authentication principal, HttpServletRequest request) {
				return null;
			}

			@Override
			public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
					HttpServletRequest request, HttpServletResponse response) {
			}

			@Override
			public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
					HttpServletRequest request, HttpServletResponse response) {
			}

		};
	}

	private @Nullable ClientRegistration registration() {
		ClientRegistration r = registration;
		String at = issuer;
		if (r != null || at == null) {
			return r;
		}
		synchronized (this) {
			if (registration == null) {
				try {
					registration = ClientRegistrations.fromIssuerLocation(at)
						.registrationId(REGISTRATION_ID)
						.clientId(clientId)
						.clientSecret(clientSecret)
						.scope("openid")
						.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
						.clientName("统一身份认证")
						.build();
				}
				catch (RuntimeException ex) {
					log.warn("The identity platform at {} does not answer its discovery document: {}", at,
							ex.getMessage());
				}
			}
			return registration;
		}
	}

}
