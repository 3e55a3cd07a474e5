package dev.baton.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of a headless Chromium driven over the Chrome DevTools Protocol, with the JDK's own
 * WebSocket client: just enough to load a page, run a line of JavaScript, click, and take a
 * screenshot. Chromium listens on a loopback port it picks itself.
 */
final class CdpPage implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Pattern PAGE_SOCKET =
      Pattern.compile("\"type\": \"page\",[^}]*?\"webSocketDebuggerUrl\": \"(ws://[^\"]+)\"");

  private final Process chromium;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();

  private CdpPage(Process chromium, WebSocket socket) {
    this.chromium = chromium;
    this.socket = socket;
  }

  /** Starts Chromium with a window of {@code width} x {@code height} and connects to its page. */
  static CdpPage open(Path chromium, int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("baton-cdp");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank"));
    Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String browserSocket = awaitListening(process);
      URI list = URI.create(browserSocket.replaceFirst("^ws://([^/]+)/.*", "http://$1/json/list"));
      HttpClient http = HttpClient.newHttpClient();
      String pageSocket = null;
      for (int attempt = 0; attempt < 100 && pageSocket == null; attempt++) {
        String targets = http.send(HttpRequest.newBuilder(list).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PAGE_SOCKET.matcher(targets);
        if (m.find()) pageSocket = m.group(1);
        else Thread.sleep(100);
      }
      if (pageSocket == null) throw new IOException("Chromium opened no page to drive");
      CdpPage[] page = new CdpPage[1];
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create(pageSocket), new Replies(page)).get(30, TimeUnit.SECONDS);
      page[0] = new CdpPage(process, socket);
      return page[0];
    } catch (Exception | Error e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static String awaitListening(Process process) throws IOException {
    BufferedReader err = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = err.readLine()) != null; ) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            err.transferTo(java.io.Writer.nullWriter());
          } catch (IOException ignored) {
            // Chromium went away
          }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new IOException("Chromium ended without opening its DevTools port:\n" + seen);
  }

  /** Navigates to {@code url} and waits until the page has loaded. */
  void load(String url) throws Exception {
    call("Page.navigate", "{\"url\":" + quote(url) + "}");
    for (int i = 0; i < 300; i++) {
      if (evaluate("document.readyState").equals("complete")
          && !evaluate("location.href").equals("about:blank")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IOException("the page did not finish loading: " + url);
  }

  /** The value of a JavaScript expression, as a string ({@code String(expression)}). */
  String evaluate(String expression) throws Exception {
    String reply = call("Runtime.evaluate",
        "{\"expression\":" + quote("String(" + expression + ")") + ",\"returnByValue\":true}");
    if (reply.contains("\"exceptionDetails\"")) {
      throw new IllegalStateException("JavaScript failed: " + expression + " -> " + reply);
    }
    Matcher m = Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(reply);
    if (!m.find()) throw new IllegalStateException("no value in " + reply);
    return m.group(1).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
  }

  /** A PNG of the visible part of the page. */
  void screenshot(Path png) throws Exception {
    String reply = call("Page.captureScreenshot", "{\"format\":\"png\"}");
    Matcher m = Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"").matcher(reply);
    if (!m.find()) throw new IllegalStateException("no screenshot in " + reply.substring(0, 200));
    Files.write(png, Base64.getDecoder().decode(m.group(1)));
  }

  private String call(String method, String params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<String> reply = new CompletableFuture<>();
    replies.put(id, reply);
    socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}",
        true).get(30, TimeUnit.SECONDS);
    String text = reply.get(60, TimeUnit.SECONDS);
    if (text.contains("\"error\":")) throw new IllegalStateException(method + " failed: " + text);
    return text;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() {
    socket.abort();
    chromium.destroy();
    try {
      if (!chromium.waitFor(10, TimeUnit.SECONDS)) chromium.destroyForcibly();
    } catch (InterruptedException e) {
      chromium.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Collects the frames of each message and hands replies to their callers; events are dropped. */
  private static final class Replies implements WebSocket.Listener {
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+),");
    private final CdpPage[] page;
    private final StringBuilder message = new StringBuilder();

    Replies(CdpPage[] page) {
      this.page = page;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        String text = message.toString();
        message.setLength(0);
        Matcher m = ID.matcher(text);
        if (m.find() && page[0] != null) {
          CompletableFuture<String> reply = page[0].replies.remove(Integer.parseInt(m.group(1)));
          if (reply != null) reply.complete(text);
        }
      }
      socket.request(1);
      return null;
    }
  }
}
