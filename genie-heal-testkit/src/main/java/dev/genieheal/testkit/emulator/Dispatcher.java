package dev.genieheal.testkit.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.genieheal.port.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: logs the request, applies faults, authenticates, routes, and turns {@link ApiError}s into
 * Databricks error bodies. Unknown paths and wrong verbs get 404 ENDPOINT_NOT_FOUND, as the Databricks gateway does.
 */
final class Dispatcher implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final String MALFORMED = "{\"statement_id\":\"01f0\",\"status\":{\"state\":\"SUCC";

  /** A route implementation. */
  @FunctionalInterface
  interface Handler {
    EmulatorResponse handle(Call call);
  }

  private final Map<EmulatorRoute, Handler> handlers = new EnumMap<>(EmulatorRoute.class);
  private final OAuthApi auth;
  private final FaultInjector faults;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AtomicLong sequence = new AtomicLong();
  private final LinkedBlockingDeque<RecordedRequest> pending = new LinkedBlockingDeque<>();
  private final ArrayDeque<RecordedRequest> log = new ArrayDeque<>();
  private final int logCapacity;

  Dispatcher(OAuthApi auth, FaultInjector faults, Clock clock, Sleeper sleeper, int logCapacity) {
    this.auth = auth;
    this.faults = faults;
    this.clock = clock;
    this.sleeper = sleeper;
    this.logCapacity = logCapacity;
  }

  void register(EmulatorRoute route, Handler handler) {
    handlers.put(route, handler);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readAllBytes();
      }
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      List<String> params = new ArrayList<>();
      Optional<EmulatorRoute> route = match(method, path, params);
      RecordedRequest request = new RecordedRequest(sequence.getAndIncrement(), method, path,
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
          new String(bytes, StandardCharsets.UTF_8), route, clock.instant());
      synchronized (log) {
        // a long-running emulator keeps only the newest requests
        log.addLast(request);
        if (log.size() > logCapacity) {
          log.removeFirst();
        }
        pending.addLast(request);
        if (pending.size() > logCapacity) {
          pending.pollFirst();
        }
      }
      EmulatorResponse response = answer(request, params);
      if (response == null) {
        LOG.debug("dropping connection for {}", request);
        return;
      }
      write(exchange, response);
    }
  }

  /** The response, or null to drop the connection. */
  private EmulatorResponse answer(RecordedRequest request, List<String> params) {
    try {
      for (Fault fault : faults.select(request)) {
        if (fault instanceof Fault.Latency) {
          sleep(((Fault.Latency) fault).delay());
        } else {
          return faultResponse(fault);
        }
      }
      if (request.route().isEmpty()) {
        throw ApiError.endpointNotFound(request.method(), request.path());
      }
      EmulatorRoute route = request.route().get();
      Call.Principal principal = route.authenticated() ? auth.authenticate(request) : Call.Principal.ANONYMOUS;
      return handlers.get(route).handle(new Call(request, params, principal));
    } catch (ApiError e) {
      return e.toResponse();
    } catch (RuntimeException e) {
      LOG.warn("emulator route failed for {}", request, e);
      return ApiError.internal("Internal error in the Databricks emulator: " + e).toResponse();
    }
  }

  private static EmulatorResponse faultResponse(Fault fault) {
    if (fault instanceof Fault.DropConnection) {
      return null;
    }
    if (fault instanceof Fault.MalformedBody) {
      return EmulatorResponse.json(200, MALFORMED);
    }
    if (fault instanceof Fault.Respond) {
      return ((Fault.Respond) fault).response();
    }
    Fault.Status s = (Fault.Status) fault;
    String code = ApiError.errorCodeFor(s.status());
    EmulatorResponse response = EmulatorResponse.error(s.status(), code, "Injected fault: HTTP " + s.status()
        + " " + code + " from the Databricks emulator.");
    if (s.retryAfter() != null) {
      long seconds = Math.max(1, (s.retryAfter().toMillis() + 999) / 1000);
      response = response.withHeader("Retry-After", Long.toString(seconds));
    }
    return response;
  }

  private void sleep(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<EmulatorRoute> match(String method, String path, List<String> params) {
    for (EmulatorRoute r : EmulatorRoute.values()) {
      Matcher m = r.pathPattern().matcher(path);
      if (r.method().equals(method) && m.matches()) {
        for (int i = 1; i <= m.groupCount(); i++) {
          params.add(m.group(i));
        }
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  private static void write(HttpExchange exchange, EmulatorResponse response) throws IOException {
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (body.length > 0 && !exchange.getResponseHeaders().containsKey("Content-Type")) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  RecordedRequest take() throws InterruptedException {
    return pending.take();
  }

  RecordedRequest poll(Duration timeout) throws InterruptedException {
    return pending.poll(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  long count() {
    return sequence.get();
  }

  List<RecordedRequest> requests() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }
}
