package org.opencxm.console;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test, driven through ChromeDriver. Register it as a field:
 * <pre>
 * &#64;RegisterExtension
 * final Browser browser = new Browser();
 * </pre> The browser starts on first use and is closed after the test. When Chromium or
 * ChromeDriver is missing the test is skipped with one line saying so; when a test fails,
 * a screenshot of the page goes to {@code target/browser-screenshots/<test>.png}.
 * <p>
 * Binaries: {@code OPENCXM_CHROMIUM} and {@code OPENCXM_CHROMEDRIVER} when set, else the
 * Debian paths {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, else
 * {@code chromium}, {@code chromium-browser}, {@code google-chrome} and
 * {@code chromedriver} on the {@code PATH}.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * Selenium warns on every start that it has no DevTools binding for this Chromium
	 * version; the tests do not use DevTools, so only errors are worth showing.
	 */
	private static final java.util.logging.Logger SELENIUM_LOG = quietSelenium();

	private @Nullable ChromeDriver driver;

	private @Nullable Path profile;

	private String testName = "browser-test";

	private int width = 1280;

	private int height = 900;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.testName = context.getRequiredTestClass().getSimpleName() + "."
				+ context.getRequiredTestMethod().getName();
		if (chromium().isEmpty() || chromeDriver().isEmpty()) {
			Assumptions.abort("Chromium/ChromeDriver not found (set OPENCXM_CHROMIUM and OPENCXM_CHROMEDRIVER, "
					+ "or install chromium and chromium-driver): browser test skipped");
		}
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		if (this.driver != null) {
			try {
				Path file = SCREENSHOTS.resolve(this.testName + ".png");
				screenshot(file);
				failure.addSuppressed(new AssertionError("screenshot of the page: " + file.toAbsolutePath() + " (at "
						+ this.driver.getCurrentUrl() + ")"));
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		}
		throw failure;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			deleteProfile();
		}
	}

	/**
	 * The browser, started on first use.
	 */
	public WebDriver driver() {
		if (this.driver == null) {
			this.driver = start();
		}
		return this.driver;
	}

	/**
	 * Sets the size of the page's viewport, e.g. {@code size(375, 812)} for a phone.
	 * Below a desktop width the page is shown as on a phone (the window itself cannot be
	 * that narrow). Takes effect at once.
	 */
	public Browser size(int width, int height) {
		this.width = width;
		this.height = height;
		if (this.driver != null) {
			applySize(this.driver);
		}
		return this;
	}

	private void applySize(ChromeDriver driver) {
		driver.manage().window().setSize(new Dimension(Math.max(this.width, 800), this.height + 140));
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", this.width, "height", this.height, "deviceScaleFactor", 1, "mobile", this.width < 800));
	}

	public Browser open(String url) {
		driver().get(url);
		return this;
	}

	public WebElement find(String css) {
		return driver().findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return driver().findElements(By.cssSelector(css));
	}

	/**
	 * Waits up to ten seconds for the element to be on the page.
	 */
	public WebElement await(String css) {
		return until((driver) -> driver.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
	}

	public <T> T until(Function<WebDriver, @Nullable T> condition) {
		// A page that reloads while the condition reads it leaves stale elements: read
		// again.
		return new WebDriverWait(driver(), WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition::apply);
	}

	/**
	 * Waits up to ten seconds for an element whose text contains {@code fragment} (the
	 * page before a click may show one of the same kind) and answers its text.
	 */
	public String awaitText(String css, String fragment) {
		return until((driver) -> driver.findElements(By.cssSelector(css))
			.stream()
			.map(WebElement::getText)
			.filter((text) -> text.contains(fragment))
			.findFirst()
			.orElse(null));
	}

	public String text(String css) {
		return await(css).getText();
	}

	/**
	 * Replaces the text of an input.
	 */
	public Browser type(String css, String text) {
		WebElement field = await(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	public @Nullable Object script(String javascript, Object... args) {
		return ((JavascriptExecutor) driver()).executeScript(javascript, args);
	}

	public String currentPath() {
		String url = driver().getCurrentUrl();
		if (url == null) {
			return "";
		}
		int start = url.indexOf('/', url.indexOf("//") + 2);
		return (start >= 0) ? url.substring(start) : "/";
	}

	public void screenshot(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			File shot = ((ChromeDriver) driver()).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ChromeDriver start() {
		try {
			this.profile = Files.createTempDirectory("opencxm-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium().orElseThrow().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--lang=en-US", "--user-data-dir=" + this.profile,
				"--window-size=" + Math.max(this.width, 800) + "," + (this.height + 140));
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromeDriver().orElseThrow().toFile())
			.usingAnyFreePort()
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		ChromeDriver started = new ChromeDriver(service, options);
		started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		applySize(started);
		return started;
	}

	private void deleteProfile() {
		Path directory = this.profile;
		this.profile = null;
		if (directory == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary profile left behind does no harm.
		}
	}

	private static java.util.logging.Logger quietSelenium() {
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.openqa.selenium");
		logger.setLevel(java.util.logging.Level.SEVERE);
		return logger;
	}

	static Optional<Path> chromium() {
		return executable("OPENCXM_CHROMIUM", "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome");
	}

	static Optional<Path> chromeDriver() {
		return executable("OPENCXM_CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver");
	}

	private static Optional<Path> executable(String variable, String debianPath, String... names) {
		String configured = System.getenv(variable);
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		if (Files.isExecutable(Path.of(debianPath))) {
			return Optional.of(Path.of(debianPath));
		}
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String name : names) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, name);
				if (Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

}
