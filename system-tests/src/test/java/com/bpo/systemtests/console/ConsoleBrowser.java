package com.bpo.systemtests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (no Selenium Manager download), one fresh profile
 * per instance, so every test signs in through Keycloak's login form from scratch.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "the console's browser tests need Debian's Chromium and its driver: "
            + "apt-get install -y chromium chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")";

    /**
     * Longest wait for the page: the analytics service's conversion statement takes seconds on a loaded machine,
     * and the gateway gives up after its own 30 s request timeout.
     */
    private static final Duration WAIT = Duration.ofSeconds(90);

    private final ChromeDriver driver;
    private final Path downloads;
    private final Path profile;
    private final int width;
    private final int height;

    ConsoleBrowser(int width, int height) {
        try {
            downloads = Files.createTempDirectory("console-downloads");
            profile = Files.createTempDirectory("console-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: Chromium's background calls home would only fail and slow it down.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "--lang=en-US");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "intl.accept_languages",
                        "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        this.width = width;
        this.height = height;
        // Headless Chromium keeps windows at least 500 px wide; the viewport itself is set through DevTools.
        emulate(height);
    }

    private void emulate(int viewportHeight) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", viewportHeight, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Opens {@code url}, signs in on Keycloak's login form and waits until the dashboard has rendered its data. */
    void signIn(URI url, String username, String password) {
        driver.get(url.toString());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("the login form is Keycloak's").contains("/realms/bpo/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        awaitReady();
    }

    void awaitReady() {
        // "true" once every part of the page has its data, "error" when a part failed (the status line says why).
        new WebDriverWait(driver, WAIT).until(d -> List.of("true", "error")
                .contains(String.valueOf(d.findElement(By.tagName("body")).getDomAttribute("data-ready"))));
        String ready = driver.findElement(By.tagName("body")).getDomAttribute("data-ready");
        assertThat(ready)
                .as(
                        "the console failed: %s",
                        driver.findElement(By.id("status")).getText())
                .isEqualTo("true");
    }

    /** Waits until {@code condition} (a script returning a boolean) is true. */
    void awaitScript(String condition) {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(script("return " + condition + ";")));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    WebElement awaitVisible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** The one file the browser downloaded into its own download folder (waits until it is complete). */
    Path awaitDownload() {
        new WebDriverWait(driver, WAIT).until(d -> completedDownloads().size() == 1);
        return completedDownloads().get(0);
    }

    private List<Path> completedDownloads() {
        try (var files = Files.list(downloads)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page (the viewport stretched to the page's height), written to {@code file}. */
    void screenshot(Path file) {
        Number pageHeight = (Number) script("return document.documentElement.scrollHeight;");
        emulate(Math.max(height, pageHeight.intValue()));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            emulate(height);
        }
    }

    @Override
    public void close() {
        driver.quit();
        deleteTree(downloads);
        deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
