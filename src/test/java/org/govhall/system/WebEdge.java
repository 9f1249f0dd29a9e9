package org.govhall.system;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * What a web slice ({@code @WebMvcTest}) of any module needs from {@code system} to
 * answer as the application does: the real security chains (API with HTTP Basic, pages
 * with form login and CSRF), problem details in the requester's language and the error
 * pages. {@code ErrorHandling} and the page preferences are picked up by the slice
 * itself. A slice also mocks {@code Directory} (behind the platform sign-in) and the
 * {@code UserDetailsService} Boot does not make beside the OAuth2 client.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ Problems.class, SecuritySettings.class, ErrorPages.class, IdentityPlatform.class })
public class WebEdge {

}
