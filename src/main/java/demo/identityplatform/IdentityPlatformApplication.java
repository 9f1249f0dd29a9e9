package demo.identityplatform;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The demo identity platform (ADR 0024): an OpenID Connect provider on Spring
 * Authorization Server that plays the province's unified identity platform for GovHall in
 * demo mode and in tests. It knows {@link PlatformPeople}, signs them in on a Chinese
 * login form, and puts their identity into the ID token: {@code name},
 * {@code identity_kind}, {@code identity_number}, and for an enterprise
 * {@code legal_representative_name} and {@code legal_representative_number}.
 * <p>
 * Only the auto-configuration a web server and Spring Security need is imported, by name:
 * none of GovHall's (database, Flyway, sessions, RabbitMQ) applies here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class })
@EnableWebSecurity
@Import(PlatformLoginPage.class)
public class IdentityPlatformApplication {

	public static void main(String[] args) {
		start(args);
	}

	/** Starts the platform; {@code --server.port=0} picks a free port (tests). */
	public static ConfigurableApplicationContext start(String... args) {
		SpringApplication app = new SpringApplication(IdentityPlatformApplication.class);
		app.setDefaultProperties(Map.of("spring.config.name", "identity-platform"));
		return app.run(args);
	}

	@Bean
	@Order(1)
	SecurityFilterChain protocol(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(as -> {
			http.securityMatcher(as.getEndpointsMatcher());
			as.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/error").permitAll().anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").failureUrl("/login?error").permitAll());
		return http.build();
	}

	@Bean
	UserDetailsService people() {
		return new InMemoryUserDetailsManager(PlatformPeople.ALL.stream()
			.map(p -> User.withUsername(p.login()).password("{noop}" + PlatformPeople.PASSWORD).roles("USER").build())
			.toList());
	}

	@Bean
	RegisteredClientRepository clients(@Value("${identity-platform.client-id}") String clientId,
			@Value("${identity-platform.client-secret}") String secret,
			@Value("${identity-platform.redirect-uris}") String redirectUris) {
		RegisteredClient govhall = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientSecret("{noop}" + secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris(uris -> uris.addAll(Arrays.stream(redirectUris.split(",")).map(String::strip).toList()))
			.scope(OidcScopes.OPENID)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
		return new InMemoryRegisteredClientRepository(govhall);
	}

	/** The person's identity in the ID token (what GovHall's PlatformSignIn reads). */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> identityClaims() {
		return context -> {
			if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				return;
			}
			PlatformPeople.find(context.getPrincipal().getName()).ifPresent(p -> context.getClaims().claims(c -> {
				c.put("name", p.name());
				c.put("identity_kind", p.kind());
				c.put("identity_number", p.number());
				if (p.representativeName() != null && p.representativeNumber() != null) {
					c.put("legal_representative_name", p.representativeName());
					c.put("legal_representative_number", p.representativeNumber());
				}
			}));
		};
	}

	/**
	 * A signing key made at each start: the demo platform's tokens need not outlive it.
	 */
	@Bean
	JWKSource<SecurityContext> signingKey() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	/** Reads the platform's own access tokens at its user-info endpoint. */
	@Bean
	JwtDecoder accessTokens(JWKSource<SecurityContext> signingKey) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKey);
	}

	@Bean
	AuthorizationServerSettings settings(@Value("${identity-platform.issuer}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer).build();
	}

}
