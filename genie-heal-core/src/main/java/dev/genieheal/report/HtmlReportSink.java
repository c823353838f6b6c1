package dev.genieheal.report;

import dev.genieheal.LoopEvent;
import dev.genieheal.ProgressSink;
import dev.genieheal.error.GenieHealException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a run as one self-contained HTML report: the score per iteration of the tuning and held-out sets, failures
 * by category, a question × iteration pass/fail matrix, every applied fix with its element before and after (rolled
 * back ones marked), every rejected proposal with its reason, the stop reason, timings and the run's settings.
 *
 * <p>The file needs nothing but a browser: the style sheet is inline, the charts are SVG drawn when the report is
 * written, and there is no script at all. A Content-Security-Policy forbids every fetch and every script, and every
 * text that comes from benchmarks, spaces, Genie or a model is HTML-escaped, so a question containing
 * {@code <script>} shows as text.
 *
 * <pre>{@code
 * HtmlReportSink report = HtmlReportSink.to(Path.of("target/genie-heal/report.html"));
 * SelfHealingLoop.builder()...sink(report).build().run();   // the file is written when the run finishes
 * }</pre>
 *
 * <p>The file is written, replacing any earlier one, on {@link LoopEvent.Finished} and — unless
 * {@link Builder#liveUpdates(boolean)} is off — after every finished iteration, so a long run can be watched and a
 * crashed one still leaves a report. {@link #render()} and {@link #write()} give a partial report at any time.
 * Each write goes to a temporary file in the same directory which then replaces the report, so a reader never sees
 * half a page. One sink follows one run at a time: a new {@link LoopEvent.Started} starts the report over.
 *
 * <p>Thread-safe: events may arrive from scoring threads while another thread renders.
 */
public final class HtmlReportSink implements ProgressSink {
  /** The default title. */
  public static final String DEFAULT_TITLE = "genie-heal report";
  private static final AtomicLong TEMP_COUNTER = new AtomicLong();

  private final Path output;
  private final String title;
  private final Clock clock;
  private final boolean liveUpdates;
  private final ReportState state = new ReportState();

  private HtmlReportSink(Builder b) {
    this.output = b.output;
    this.title = b.title;
    this.clock = b.clock;
    this.liveUpdates = b.liveUpdates;
  }

  /** A sink writing to {@code output} with the defaults. */
  public static HtmlReportSink to(Path output) {
    return builder().output(output).build();
  }

  /** A builder; {@link Builder#output(Path)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this sink's configuration (not its collected events). */
  public Builder toBuilder() {
    return new Builder().output(output).title(title).clock(clock).liveUpdates(liveUpdates);
  }

  /** The file the report is written to. */
  public Path output() {
    return output;
  }

  /**
   * Takes in one event; writes the report after a finished iteration (when live updates are on) and when the run
   * finishes.
   *
   * @throws NullPointerException when {@code event} is null
   * @throws GenieHealException when the report file cannot be written (the loop logs it and goes on)
   */
  @Override
  public void accept(LoopEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (state) {
      state.accept(event);
      if (event instanceof LoopEvent.Finished || liveUpdates && event instanceof LoopEvent.IterationFinished) {
        write();
      }
    }
  }

  /** The report as it stands now: complete after the run finished, partial before (still a valid page). */
  public String render() {
    synchronized (state) {
      return ReportRenderer.render(state, title, clock.instant());
    }
  }

  /**
   * Writes the report as it stands now to {@link #output()}, creating parent directories, replacing the file.
   *
   * @return the file written
   * @throws GenieHealException naming the path when the file cannot be written
   */
  public Path write() {
    synchronized (state) {
      String html = render();
      Path target = output.toAbsolutePath();
      Path temp = null;
      try {
        Path dir = target.getParent();
        if (dir != null) {
          Files.createDirectories(dir);
        }
        // Not Files.createTempFile: its owner-only permissions would carry over to the report.
        temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
            + TEMP_COUNTER.incrementAndGet() + ".tmp");
        Files.writeString(temp, html, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return output;
      } catch (IOException | SecurityException e) {
        deleteQuietly(temp);
        throw new GenieHealException("cannot write HTML report " + output + ": " + e, e);
      }
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // the temporary file is left behind; the error being reported matters more
    }
  }

  @Override
  public String toString() {
    return "HtmlReportSink[" + output + "]";
  }

  /**
   * Configures an {@link HtmlReportSink}. Defaults: title {@value HtmlReportSink#DEFAULT_TITLE}, the system UTC
   * clock (only used for the "generated at" line), live updates on. Not thread-safe.
   */
  public static final class Builder {
    private Path output;
    private String title = DEFAULT_TITLE;
    private Clock clock = Clock.systemUTC();
    private boolean liveUpdates = true;

    private Builder() {}

    /**
     * The report file (required). Nothing is written until the first iteration finishes or {@link #write()}.
     *
     * @throws NullPointerException when {@code output} is null
     */
    public Builder output(Path output) {
      this.output = Objects.requireNonNull(output, "output");
      return this;
    }

    /**
     * The page title and heading.
     *
     * @throws NullPointerException when {@code title} is null
     * @throws IllegalArgumentException when it is blank
     */
    public Builder title(String title) {
      Objects.requireNonNull(title, "title");
      if (title.isBlank()) {
        throw new IllegalArgumentException("title must not be blank");
      }
      this.title = title;
      return this;
    }

    /**
     * The clock for the report's "generated at" line.
     *
     * @throws NullPointerException when {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether to rewrite the file after every finished iteration as well as at the end (default true). */
    public Builder liveUpdates(boolean liveUpdates) {
      this.liveUpdates = liveUpdates;
      return this;
    }

    /**
     * The sink.
     *
     * @throws IllegalStateException when no output file was set
     */
    public HtmlReportSink build() {
      if (output == null) {
        throw new IllegalStateException("output is required: the path of the HTML report file");
      }
      return new HtmlReportSink(this);
    }
  }
}
