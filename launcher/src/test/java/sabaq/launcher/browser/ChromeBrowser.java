package sabaq.launcher.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * One real headless Chromium (Debian package) driven by chromedriver through Selenium, with a fake camera and
 * microphone. Each participant of a test lesson gets its own browser process, so one can crash without touching
 * the others.
 */
public final class ChromeBrowser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final String name;
    private final Path profile;
    private final RemoteWebDriver driver;
    private final Process driverProcess;
    private boolean closed;

    private ChromeBrowser(String name, Path profile, RemoteWebDriver driver, Process driverProcess) {
        this.name = name;
        this.profile = profile;
        this.driver = driver;
        this.driverProcess = driverProcess;
    }

    /** Fails (never skips) when Chromium or chromedriver is missing: the README's test command installs them. */
    public static void requireInstalled() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("Chromium tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "); run the tests with ./sabaq test, which installs them");
        }
    }

    public static ChromeBrowser launch(String name) {
        requireInstalled();
        Path profile = newProfile(name);
        ChromeOptions opts = options(profile, null);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver = new ChromeDriver(service, opts);
        return configure(new ChromeBrowser(name, profile, driver, null));
    }

    /**
     * A browser inside a network namespace (its own network stack behind a veth, see {@code NetworkNamespace}):
     * chromedriver runs in the namespace and is driven from here over the veth. Pages are served to it from
     * {@code origin} (an http:// address on the veth), which is treated as a secure context.
     */
    public static ChromeBrowser launchIn(List<String> namespaceExecPrefix, String namespaceIp, String hostIp,
                                         String origin, String name) {
        requireInstalled();
        Path profile = newProfile(name);
        int port = freePort();
        List<String> cmd = new java.util.ArrayList<>(namespaceExecPrefix);
        cmd.addAll(List.of(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=" + hostIp, "--allowed-origins=*"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start chromedriver in the namespace: " + e.getMessage(), e);
        }
        String url = "http://" + namespaceIp + ":" + port;
        try {
            sabaq.common.test.Poll.until(Duration.ofSeconds(20), () -> isUp(url), "chromedriver in the namespace at " + url);
            RemoteWebDriver driver = new RemoteWebDriver(new java.net.URL(url), options(profile, origin));
            return configure(new ChromeBrowser(name, profile, driver, p));
        } catch (RuntimeException | java.net.MalformedURLException e) {
            p.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUp(String url) {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL(url + "/status").openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return 20000 + s.getLocalPort() % 20000;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChromeBrowser configure(ChromeBrowser b) {
        b.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        b.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return b;
    }

    private static Path newProfile(String name) {
        try {
            return Files.createTempDirectory("sabaq-chrome-" + name + "-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChromeOptions options(Path profile, String secureOrigin) {
        ChromeOptions opts = new ChromeOptions();
        opts.setBinary(CHROMIUM.toFile());
        opts.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required", "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        if (secureOrigin != null) opts.addArguments("--unsafely-treat-insecure-origin-as-secure=" + secureOrigin);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        opts.setCapability("goog:loggingPrefs", logs);
        return opts;
    }

    public String name() {
        return name;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Types into the element (real key events, as a person would). */
    public void type(String cssSelector, String text) {
        org.openqa.selenium.WebElement e = driver.findElement(org.openqa.selenium.By.cssSelector(cssSelector));
        e.clear();
        e.sendKeys(text);
    }

    /** Clicks the element. */
    public void click(String cssSelector) {
        driver.findElement(org.openqa.selenium.By.cssSelector(cssSelector)).click();
    }

    /** Chooses a local file in a file input (as a person picking it in the dialog would). */
    public void chooseFile(String cssSelector, java.nio.file.Path file) {
        driver.findElement(org.openqa.selenium.By.cssSelector(cssSelector)).sendKeys(file.toAbsolutePath().toString());
    }

    /**
     * Sets a cookie of the current page's origin (open a page of the origin first), e.g. a session signed in through
     * the API, so a test need not sign in through the page again.
     */
    public void addCookie(String name, String value) {
        driver.manage().addCookie(new org.openqa.selenium.Cookie.Builder(name, value).path("/").isHttpOnly(true)
                .sameSite("Strict").build());
    }

    /** The page's current URL. */
    public String url() {
        return driver.getCurrentUrl();
    }

    /** Runs a synchronous script (use {@code return}). */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Evaluates an expression that yields a promise and returns its resolved value; a rejection becomes an error. */
    public Object await(String promiseExpression) {
        Object r = ((JavascriptExecutor) driver).executeAsyncScript(
                "const cb = arguments[arguments.length - 1];"
                        + "Promise.resolve().then(() => " + promiseExpression + ")"
                        + ".then(v => cb({ok: v}), e => cb({err: String(e && e.stack || e)}));");
        if (r instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) r;
            if (m.containsKey("err")) throw new IllegalStateException(name + ": " + m.get("err"));
            return m.get("ok");
        }
        throw new IllegalStateException(name + ": unexpected script result " + r);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> awaitList(String promiseExpression) {
        Object v = await(promiseExpression);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    /** The browser console since the last call (for failure messages). */
    public String consoleLog() {
        try {
            return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "(no console log: " + e + ")";
        }
    }

    /** Simulates a crash: kills the browser's processes without closing anything gracefully. */
    public void crash() {
        String marker = "--user-data-dir=" + profile;
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            driver.quit();
        } catch (RuntimeException e) {
            crash();
        }
        if (driverProcess != null) driverProcess.destroyForcibly();
        deleteQuietly(profile.toFile());
    }

    private static void deleteQuietly(File f) {
        File[] children = f.listFiles();
        if (children != null) for (File c : children) deleteQuietly(c);
        if (!f.delete() && f.exists()) f.deleteOnExit();
    }
}
