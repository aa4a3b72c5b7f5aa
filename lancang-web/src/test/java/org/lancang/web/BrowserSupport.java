package org.lancang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
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
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
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
        return wait.ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0).getText();
        });
    }

    /** The input or select of a form field, by its data-field name, once visible. */
    WebElement field(String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field='" + name + "'] input, [data-field='" + name + "'] select")));
    }

    /** Types into a station field and clicks the station of that code in the list the server's answer shows. */
    void chooseStation(String name, String text, String code) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
        By option = By.cssSelector("[data-field=" + name + "] li[role=option][data-code=" + code + "]");
        // the list is the server's answer to the last keystroke: an earlier answer's option may be replaced
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(option).click();
            return true;
        });
        wait.until(d -> code.equals(input.getAttribute("data-code")));
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
