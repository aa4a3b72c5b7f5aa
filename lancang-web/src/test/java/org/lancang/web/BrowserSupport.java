package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium against a {@link TestServer}, with the steps the browser tests share:
 * sign in, type, click, set a date or time input, run a script, keep a screenshot under target/screenshots/.
 */
final class BrowserSupport implements AutoCloseable {
    static final Path SHOTS = Path.of("target", "screenshots");

    final TestServer server;
    final WebDriver driver;
    final WebDriverWait wait;

    BrowserSupport(TestServer server, int width, int height) throws IOException {
        this.server = server;
        Files.createDirectories(SHOTS);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=" + width + "," + height,
                "--lang=en-GB",
                "--user-data-dir=" + Files.createTempDirectory("chrome-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, o);
        // every wait finds its element again when the page redraws it between finding and reading
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Signed out, in English, with nothing kept from the scenario before. */
    void fresh() {
        driver.get(server.url("/signin.html"));
        driver.manage().deleteAllCookies();
        js("localStorage.clear()");
    }

    void signIn(String user, String password, String next) {
        driver.get(server.url("/signin.html?next="
                + next.replace("?", "%3F").replace("&", "%26").replace("=", "%3D")));
        type(By.id("username"), user);
        type(By.id("password"), password);
        click(By.cssSelector("#signin-form [type=submit]"));
        wait.until(d -> d.getCurrentUrl().startsWith(server.url(next.replaceAll("\\?.*", ""))));
    }

    void type(By by, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(by)).sendKeys(text);
    }

    /** Clicks the element once clickable; found again if the page redraws it between finding and clicking. */
    void click(By by) {
        wait.until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return false;
            }
            js("arguments[0].scrollIntoView({block: 'center'})", e);
            e.click();
            return true;
        });
    }

    /** The text of the element once present; found again if the page redraws it between finding and reading. */
    String text(By by) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0).getText();
        });
    }

    /**
     * The text of the element once {@code check} passes on it: read afresh until then, since the page may still be
     * drawing what the step before asked for; at the timeout the check's own failure, with the text last read.
     */
    String text(By by, Consumer<String> check) {
        return until(d -> d.findElement(by).getText(), check);
    }

    /** The texts of every element {@code by} finds, in page order, read together once {@code check} passes on them. */
    List<String> texts(By by, Consumer<List<String>> check) {
        return until(d -> d.findElements(by).stream().map(WebElement::getText).toList(), check);
    }

    /** An attribute (or property, such as an input's value) of the element once {@code check} passes on it. */
    String attribute(By by, String name, Consumer<String> check) {
        return until(d -> d.findElement(by).getAttribute(name), check);
    }

    /** The text of the option chosen in a select, once {@code check} passes on it (its value: {@link #attribute}). */
    String chosenText(By select, Consumer<String> check) {
        return until(
                d -> new Select(d.findElement(select)).getFirstSelectedOption().getText(), check);
    }

    /** Whether the element is shown, once {@code check} passes on it (the page shows and hides by redrawing). */
    boolean displayed(By by, Consumer<Boolean> check) {
        return until(d -> d.findElement(by).isDisplayed(), check);
    }

    /**
     * What {@code read} finds once {@code check} (AssertJ assertions) passes on it, read again while the page redraws
     * (an element replaced or not there yet counts as not yet); at the timeout, the check's last failure is thrown, so
     * a wrong page fails with the same message as an assertion made at once.
     */
    <T> T until(Function<WebDriver, T> read, Consumer<? super T> check) {
        AtomicReference<AssertionError> last = new AtomicReference<>();
        AtomicReference<T> passed = new AtomicReference<>(); // a value, null included, that passed the check
        try {
            wait.until(d -> {
                T value = read.apply(d);
                try {
                    check.accept(value);
                    passed.set(value);
                    return true;
                } catch (AssertionError e) {
                    last.set(e);
                    return false;
                }
            });
            return passed.get();
        } catch (TimeoutException e) {
            if (last.get() != null) {
                last.get().addSuppressed(e);
                throw last.get();
            }
            throw e;
        }
    }

    /** The input or select of a form field, by its data-field name, once visible. */
    WebElement field(String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(inField(name)));
    }

    /** Finds the input or select of a form field by its data-field name (read again at each use: forms redraw). */
    static By inField(String name) {
        return By.cssSelector("[data-field='" + name + "'] input, [data-field='" + name + "'] select");
    }

    /** Types into a station field and clicks the station of that code in the list the server's answer shows. */
    void chooseStation(String name, String text, String code) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
        By option = By.cssSelector("[data-field=" + name + "] li[role=option][data-code=" + code + "]");
        // the list is the server's answer to the last keystroke: an earlier answer's option may be replaced
        wait.until(d -> {
            d.findElement(option).click();
            return true;
        });
        wait.until(d -> code.equals(field(name).getAttribute("data-code")));
    }

    /**
     * A date and time shown to a Lao reader: the day, a month written in Lao, the Gregorian year (Lao counts no
     * Buddhist Era) and a 24-hour clock; no English month and no AM/PM, which Intl gives where the browser has no Lao
     * (Debian's Chromium falls back to en-US).
     */
    static void assertLaoDateTime(String text) {
        assertThat(text)
                .containsPattern("\\d{1,2} [\\x{0E80}-\\x{0EFF}.]+ 20\\d{2},? \\d{2}:\\d{2}")
                .doesNotContainPattern("\\b(AM|PM|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b");
    }

    /** Switches the page's language with its language button. */
    void lang(String code) {
        click(By.cssSelector(".lang-switch button[lang=" + code + "]"));
        wait.until(d -> code.equals(js("return document.documentElement.lang")));
    }

    /** Date and time inputs take their value in ISO form whatever the browser's locale. */
    void setValue(By by, String value) {
        WebElement e = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        js(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                e,
                value);
        assertThat(e.getAttribute("value")).isEqualTo(value);
    }

    /** The browser console's errors since the last call (reading them empties the log). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void shot(String name) {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("screenshot " + name, e);
        }
    }

    /** Closes a test class's browser and server, either of which may not have started. */
    static void close(BrowserSupport browser, TestServer server) {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
