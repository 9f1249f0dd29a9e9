package org.govhall.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicAddressCheckTests {

	@Test
	void warnsOutsideDemoModeWhenTheQrCodesWouldLeadToLocalhost() {
		assertThat(new PublicAddressCheck(new MockEnvironment().withProperty("govhall.public-url",
				"http://localhost:8080")).warning()).hasValueSatisfying(w -> assertThat(w)
					.contains("GOVHALL_PUBLIC_URL", "http://localhost:8080/verify/"));
		assertThat(new PublicAddressCheck(new MockEnvironment()).warning()).isPresent();
	}

	@Test
	void isQuietWithAPublicAddressOrInDemoMode() {
		assertThat(new PublicAddressCheck(new MockEnvironment().withProperty("govhall.public-url",
				"https://zwfw.example.gov.cn")).warning()).isEmpty();
		assertThat(new PublicAddressCheck(new MockEnvironment().withProperty("govhall.public-url",
				"http://localhost:8080").withProperty("govhall.demo.enabled", "true")).warning()).isEmpty();
	}

}
