package org.govhall.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class PublicAddressCheckTests {

	/**
	 * The check with the settings bound from these properties, as the application binds
	 * them.
	 */
	static PublicAddressCheck check(MockEnvironment env) {
		return new PublicAddressCheck(Binder.get(env).bindOrCreate("govhall", DocumentsSettings.class));
	}

	@Test
	void warnsOutsideDemoModeWhenTheQrCodesWouldLeadToLocalhost() {
		assertThat(check(new MockEnvironment().withProperty("govhall.public-url", "http://localhost:8080")).warning())
			.hasValueSatisfying(w -> assertThat(w).contains("GOVHALL_PUBLIC_URL", "http://localhost:8080/verify/"));
		assertThat(check(new MockEnvironment()).warning()).isPresent();
	}

	@Test
	void isQuietWithAPublicAddressOrInDemoMode() {
		assertThat(check(new MockEnvironment().withProperty("govhall.public-url", "https://zwfw.example.gov.cn"))
			.warning()).isEmpty();
		assertThat(check(new MockEnvironment().withProperty("govhall.public-url", "http://localhost:8080")
			.withProperty("govhall.demo.enabled", "true")).warning()).isEmpty();
	}

}
