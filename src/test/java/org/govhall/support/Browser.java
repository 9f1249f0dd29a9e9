package org.govhall.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver: nothing is downloaded, and a
 * missing browser fails the test instead of skipping it (scripts/setup-machine.sh
 * installs both).
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final WebDriver driver;

	private final Path profile;

	public Browser() throws IOException {
		this.profile = Files.createTempDirectory("govhall-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		// the flags after the window size and the preferences leave out what a walk never
		// uses (extensions, translation, the password manager and autofill, which read
		// every form of every page, field trials, crash reports): about an eighth less
		// CPU
		// for the browser, which is most of the browser walks' CPU
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--lang=zh-CN", "--window-size=1280,900", "--user-data-dir=" + profile,
				"--disable-extensions", "--disable-default-apps", "--disable-breakpad", "--disable-field-trial-config",
				"--disable-client-side-phishing-detection", "--disable-hang-monitor", "--password-store=basic",
				"--use-mock-keychain", "--metrics-recording-only", "--mute-audio",
				"--disable-search-engine-choice-screen",
				"--disable-features=Translate,OptimizationHints,MediaRouter,BackForwardCache,AcceptCHFrame,"
						+ "AutofillServerCommunication,PasswordManagerOnboarding,InterestFeedContentSuggestions,"
						+ "CalculateNativeWinOcclusion,HeavyAdPrivacyMitigations,LensOverlay");
		options.setExperimentalOption("prefs",
				Map.of("credentials_enable_service", false, "profile.password_manager_enabled", false,
						"autofill.profile_enabled", false, "autofill.credit_card_enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		Files.createDirectories(SCREENSHOTS);
	}

	public WebDriver driver() {
		return driver;
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
	}

	/**
	 * Signs in through the login page of {@code base} as a person would (password
	 * {@code govhall-demo}), after dropping the previous session and preferences unless
	 * the browser already stands on the login page.
	 */
	public void signIn(String base, String username) {
		if (!driver.getCurrentUrl().contains("/login")) {
			driver.manage().deleteAllCookies();
			driver.get(base + "/login?lang=zh-CN");
		}
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys("govhall-demo");
		driver.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
		waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	public void resize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/**
	 * How many pixels the page is wider than the window: more than 0 means the reader
	 * must scroll sideways.
	 */
	/**
	 * Waits until the page the element belonged to has been replaced. Chromium reports an
	 * element of a page being torn down either as stale or as "does not belong to the
	 * document"; both mean the new page is on its way, where
	 * {@code ExpectedConditions.stalenessOf} fails on the second.
	 */
	public void awaitGone(org.openqa.selenium.WebElement element) {
		waiting().until(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	public long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
	}

	public Path screenshot(String name) throws IOException {
		Path target = SCREENSHOTS.resolve(name + ".png");
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		return target;
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary profile is harmless
		}
	}

}
