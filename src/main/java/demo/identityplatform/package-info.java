/**
 * The demo identity platform: a stand-in for the province's unified identity platform
 * (统一身份认证), an OpenID Connect provider built on Spring Authorization Server, with the
 * demo residents and enterprises (ADR 0024). It is its own Spring Boot application and
 * process, outside the {@code org.govhall} packages, so GovHall's component scan, Spring
 * Modulith and GovHall's auto-configuration never see it; it reads
 * {@code identity-platform.properties}.
 */
@NullMarked
package demo.identityplatform;

import org.jspecify.annotations.NullMarked;
